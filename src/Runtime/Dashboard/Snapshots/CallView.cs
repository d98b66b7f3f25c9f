namespace TgeSwarm.Runtime.Dashboard.Snapshots;

/// <summary>
/// Grain calls answered by this silo: totals since it started and rates over the last sample interval. Latency
/// percentiles come from a <c>swarm.calls.duration</c> histogram when the runtime has one, else they are null.
/// </summary>
internal sealed record CallView(
    double Completed,
    double Failed,
    double PerSecond,
    double ErrorsPerSecond,
    double RejectedPerSecond,
    double TimedOutPerSecond,
    double? P50Milliseconds,
    double? P99Milliseconds);
