using TgeSwarm.Feeds.Venues.Binance;
using TgeSwarm.Feeds.Venues.Bybit;
using TgeSwarm.Feeds.Venues.Coinbase;
using TgeSwarm.Feeds.Venues.Kraken;
using TgeSwarm.Feeds.Venues.Okx;

namespace TgeSwarm.Feeds;

/// <summary>Creates the parser and book keeper of a venue, one per WebSocket connection.</summary>
public static class VenueFeeds
{
    /// <param name="endpoint">
    /// The connection's URL when known. Bybit needs it: <c>/v5/public/linear</c> and <c>/spot</c> use the same
    /// symbols, so perpetuals are named <c>BTC-USDT-PERP</c> from the endpoint.
    /// </param>
    public static IVenueFeed Create(Venue venue, IMarketEventSink sink, Uri? endpoint = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        return venue switch
        {
            Venue.Binance => new BinanceFeed(sink),
            Venue.Coinbase => new CoinbaseFeed(sink),
            Venue.Bybit => new BybitFeed(sink, perpetual: endpoint is not null && (endpoint.AbsolutePath.EndsWith("/linear", StringComparison.Ordinal) || endpoint.AbsolutePath.EndsWith("/inverse", StringComparison.Ordinal))),
            Venue.KrakenV1 => new KrakenV1Feed(sink),
            Venue.KrakenV2 => new KrakenV2Feed(sink),
            Venue.Okx => new OkxFeed(sink),
            _ => throw new ArgumentOutOfRangeException(nameof(venue), venue, "No feed for this venue."),
        };
    }
}
