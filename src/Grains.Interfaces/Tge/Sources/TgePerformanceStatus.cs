using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Tge.Sources;

/// <summary>What the performance grain watches and the last decisions it made (newest last).</summary>
/// <param name="DetectionLagMedian">Median, over watched sources, of the time from an item's publish time to when its source saw it (sources whose items carry a publish time).</param>
/// <param name="DetectionLagMax">The largest of those.</param>
/// <param name="FailingSources">Watched sources whose last poll failed.</param>
[GenerateSerializer]
[Immutable]
public sealed record TgePerformanceStatus(
    [property: Id(0)] int WatchedSources,
    [property: Id(1)] int WatchedHosts,
    [property: Id(2)] long Sweeps,
    [property: Id(3)] DateTimeOffset? LastSweepAt,
    [property: Id(4)] TimeSpan? DetectionLagMedian,
    [property: Id(5)] TimeSpan? DetectionLagMax,
    [property: Id(6)] int FailingSources,
    [property: Id(7)] IReadOnlyList<TgePerformanceDecision> Decisions);
