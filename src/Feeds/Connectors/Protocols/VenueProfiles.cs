namespace TgeSwarm.Feeds.Connectors.Protocols;

internal static class VenueProfiles
{
    public static VenueProfile Of(Venue venue) => venue switch
    {
        Venue.Binance => BinanceProtocol.Profile,
        Venue.Coinbase => CoinbaseProtocol.Profile,
        Venue.Bybit => BybitProtocol.Profile,
        Venue.KrakenV1 => KrakenV1Protocol.Profile,
        Venue.KrakenV2 => KrakenV2Protocol.Profile,
        Venue.Okx => OkxProtocol.Profile,
        _ => throw new ArgumentOutOfRangeException(nameof(venue), venue, "No connector for this venue."),
    };

    /// <summary>Whether an endpoint serves Bybit's perpetuals (the same rule <see cref="VenueFeeds.Create"/> names them by).</summary>
    public static bool IsPerpetualEndpoint(Uri endpoint) =>
        endpoint.AbsolutePath.EndsWith("/linear", StringComparison.Ordinal) || endpoint.AbsolutePath.EndsWith("/inverse", StringComparison.Ordinal);
}
