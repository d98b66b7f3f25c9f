namespace TgeSwarm.Feeds.Exchange.Serving;

/// <summary>The counters of one connection: written by its loops, read by statistics snapshots at any time.</summary>
internal sealed class ConnectionCounters(long id, Venue venue, string path, ExchangeCounters exchange)
{
    private long _frames;
    private long _passes;
    private long _faults;
    private volatile string[] _recorded = [];
    private volatile string? _closeReason;

    public long Id { get; } = id;

    public Venue Venue { get; } = venue;

    public string Path { get; } = path;

    public long Frames => Interlocked.Read(ref _frames);

    public long Passes => Interlocked.Read(ref _passes);

    public void Serving(IEnumerable<string> recordedConnections) => _recorded = [.. recordedConnections];

    public void FrameSent()
    {
        Interlocked.Increment(ref _frames);
        exchange.FrameSent(Venue);
    }

    public void PassStarted() => Interlocked.Increment(ref _passes);

    public void Fault(ReplayFaultKind kind)
    {
        Interlocked.Increment(ref _faults);
        exchange.Fault(kind);
    }

    public void Closed(string reason) => _closeReason ??= reason;

    public ReplayConnectionStatistics Snapshot() => new(Id, Venue, Path, _recorded, Frames, Passes, Interlocked.Read(ref _faults), _closeReason is null, _closeReason);
}
