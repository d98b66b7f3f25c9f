using System.Collections.Concurrent;

namespace TgeSwarm.Feeds.Sources.Server;

/// <summary>The server's counters, updated from request threads without a lock.</summary>
internal sealed class SourceCounters
{
    private readonly ConcurrentDictionary<string, long> _bySource = new(StringComparer.Ordinal);
    private readonly long[] _faults = new long[Enum.GetValues<LocalSourceFaultKind>().Length];
    private long _requests;
    private long _notModified;
    private long _published;

    public void Request(string? sourceId)
    {
        Interlocked.Increment(ref _requests);
        if (sourceId is not null)
        {
            _bySource.AddOrUpdate(sourceId, 1, static (_, n) => n + 1);
        }
    }

    public void NotModified() => Interlocked.Increment(ref _notModified);

    public void Published() => Interlocked.Increment(ref _published);

    public void Fault(LocalSourceFaultKind kind) => Interlocked.Increment(ref _faults[(int)kind]);

    public LocalSourceServerStatistics Snapshot()
    {
        var faults = Enum.GetValues<LocalSourceFaultKind>().ToDictionary(k => k, k => Interlocked.Read(ref _faults[(int)k]));
        return new LocalSourceServerStatistics(Interlocked.Read(ref _requests), Interlocked.Read(ref _notModified), Interlocked.Read(ref _published), faults, new Dictionary<string, long>(_bySource, StringComparer.Ordinal));
    }
}
