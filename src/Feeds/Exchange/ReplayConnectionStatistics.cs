namespace TgeSwarm.Feeds.Exchange;

/// <summary>One WebSocket connection of a <see cref="ReplayExchange"/>.</summary>
/// <param name="Id">The exchange's number for the connection, from 1.</param>
/// <param name="Path">The path and query the client connected to.</param>
/// <param name="RecordedConnections">The recorded connections replayed to it (e.g. <c>KRAKEN.ws.50</c>); empty until it subscribed.</param>
/// <param name="FramesSent">Frames sent (a duplicated frame counts twice).</param>
/// <param name="Passes">Passes over the recording begun (1 without looping).</param>
/// <param name="FaultsInjected">Faults injected into this connection.</param>
/// <param name="IsOpen">Whether the connection is still being served.</param>
/// <param name="CloseReason">Why the server stopped serving it, once it did.</param>
public sealed record ReplayConnectionStatistics(
    long Id,
    Venue Venue,
    string Path,
    IReadOnlyList<string> RecordedConnections,
    long FramesSent,
    long Passes,
    long FaultsInjected,
    bool IsOpen,
    string? CloseReason);
