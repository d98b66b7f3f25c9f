using TgeSwarm.Feeds.Connectors.Protocols;

namespace TgeSwarm.Feeds.Connectors;

/// <summary>
/// <see cref="VenueConnectorOptions"/> once validated, with every venue default filled in, copied so that later
/// changes to the options object cannot reach a running loop.
/// </summary>
internal sealed record ConnectorSettings(
    Venue Venue,
    Uri WebSocketUrl,
    Uri RestUrl,
    IReadOnlyList<string> Instruments,
    bool Trades,
    bool Books,
    int BookDepth,
    string TradeChannel,
    TimeSpan ReconnectMinDelay,
    TimeSpan ReconnectMaxDelay,
    TimeSpan SilenceTimeout,
    TimeSpan PingInterval,
    int MaxFramesPerFlush)
{
    /// <summary>A connection that stays up this long was healthy: the reconnect backoff starts over.</summary>
    public TimeSpan HealthyConnection => ReconnectMaxDelay;

    public static ConnectorSettings Resolve(VenueConnectorOptions options)
    {
        var profile = VenueProfiles.Of(options.Venue);
        return new ConnectorSettings(
            options.Venue,
            options.WebSocketUrl ?? VenueEndpoints.DefaultWebSocketUrl(options.Venue),
            options.RestUrl ?? new Uri(VenueEndpoints.BinanceRest),
            [.. options.Instruments],
            options.Trades,
            options.Books,
            options.BookDepth ?? profile.DefaultBookDepth,
            options.TradeChannel ?? profile.TradeChannels[0],
            options.ReconnectMinDelay,
            options.ReconnectMaxDelay,
            options.SilenceTimeout ?? profile.SilenceTimeout,
            options.PingInterval ?? profile.PingInterval,
            options.MaxFramesPerFlush);
    }
}
