using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Tge.Sources;

/// <summary>
/// The one performance optimizer of the TGE sources (key 0): running sources make
/// themselves known to it, and on a timer it reads their statuses and their host guards' and tunes, within the
/// bounds each target enforces, the sources' poll interval floors and the hosts' concurrency caps. Every change is
/// logged with its reason and the last ones are kept for <see cref="GetStatusAsync"/>.
/// </summary>
public interface IPerformanceGrain : IGrainWithIntegerKey
{
    /// <summary>Adds (or keeps) a source and its host guard key to the watched set. Idempotent; sources call it when they start polling and on every keep-alive tick.</summary>
    [OneWay]
    Task WatchAsync(string sourceId, string host, CancellationToken cancellationToken);

    /// <summary>Drops a source from the watched set (paused or removed).</summary>
    [OneWay]
    Task UnwatchAsync(string sourceId, CancellationToken cancellationToken);

    /// <summary>Reads every watched source and host now and applies the decisions; returns the decisions of this sweep.</summary>
    Task<IReadOnlyList<TgePerformanceDecision>> SweepNowAsync(CancellationToken cancellationToken);

    Task<TgePerformanceStatus> GetStatusAsync(CancellationToken cancellationToken);
}
