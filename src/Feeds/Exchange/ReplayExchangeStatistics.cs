namespace TgeSwarm.Feeds.Exchange;

/// <summary>A snapshot of what a <see cref="ReplayExchange"/> has done since it started.</summary>
/// <param name="Connections">WebSocket connections accepted.</param>
/// <param name="SubscribeMismatches">Connections closed because their subscriptions were not in the recording.</param>
/// <param name="SubscribeTimeouts">Connections closed because they did not subscribe within the subscribe timeout.</param>
/// <param name="HttpRequests">REST requests answered from the recording.</param>
/// <param name="HttpNotFound">Requests (REST or WebSocket) for a path the recording does not have.</param>
/// <param name="FramesSent">Frames sent per venue (a duplicated frame counts twice).</param>
/// <param name="FaultsInjected">Faults injected per kind, every venue together.</param>
/// <param name="ConnectionDetails">The connections so far, oldest first (the most recent 1 000).</param>
public sealed record ReplayExchangeStatistics(
    long Connections,
    long SubscribeMismatches,
    long SubscribeTimeouts,
    long HttpRequests,
    long HttpNotFound,
    IReadOnlyDictionary<Venue, long> FramesSent,
    IReadOnlyDictionary<ReplayFaultKind, long> FaultsInjected,
    IReadOnlyList<ReplayConnectionStatistics> ConnectionDetails);
