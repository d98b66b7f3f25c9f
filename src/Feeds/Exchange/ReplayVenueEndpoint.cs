namespace TgeSwarm.Feeds.Exchange;

/// <summary>
/// Where one venue is served: REST and WebSocket share a loopback port, and every recorded path is served there
/// unchanged, so a connector configured with these base URLs instead of the venue's talks to the replay.
/// </summary>
/// <param name="RestBaseUrl"><c>http://127.0.0.1:port</c>, in place of e.g. <c>https://api.binance.com</c>.</param>
/// <param name="WebSocketBaseUrl"><c>ws://127.0.0.1:port</c>, in place of e.g. <c>wss://stream.binance.com:9443</c>.</param>
/// <param name="WebSocketUrls">
/// The recorded connections' URLs moved onto <paramref name="WebSocketBaseUrl"/>, distinct, in recorded order
/// (e.g. <c>ws://127.0.0.1:port/v5/public/linear</c>, <c>…/v5/public/spot</c>; Binance's with its stream list).
/// </param>
/// <param name="RestUrls">The recorded REST URLs moved onto <paramref name="RestBaseUrl"/>, distinct, in recorded order.</param>
public sealed record ReplayVenueEndpoint(
    Venue Venue,
    Uri RestBaseUrl,
    Uri WebSocketBaseUrl,
    IReadOnlyList<Uri> WebSocketUrls,
    IReadOnlyList<Uri> RestUrls)
{
    /// <summary>The WebSocket URL for a path on this venue's port, e.g. <c>WebSocketUrl("/v5/public/spot")</c>.</summary>
    public Uri WebSocketUrl(string pathAndQuery) => new(WebSocketBaseUrl, pathAndQuery);
}
