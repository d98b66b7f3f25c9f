namespace TgeSwarm.Grains.Tge.Performance;

/// <summary>How the performance grain tunes the sources and host guards (section <c>Tge:Performance</c>).</summary>
internal sealed class PerformanceOptions
{
    public const string SectionName = "Tge:Performance";

    /// <summary>How often the watched sources and hosts are read and tuned. Default 30 s.</summary>
    public TimeSpan SweepPeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Failed polls in a row after which a source's interval floor is raised. Default 3.</summary>
    public int FailingPolls { get; set; } = 3;

    /// <summary>The factor a failing source's floor is raised by (and a recovered one's lowered by), within the source's own bounds. Default 2.</summary>
    public double FloorFactor { get; set; } = 2;

    /// <summary>The error rate of a host's recent attempts at which its concurrency cap is lowered by one (never below 1). Default 0.5.</summary>
    public double HostErrorRate { get; set; } = 0.5;

    /// <summary>Decisions kept for the status. Default 50.</summary>
    public int DecisionsKept { get; set; } = 50;

    /// <summary>
    /// How long a source's tuned floor stays in the memory coordinator (namespace <c>tge.sources</c>) after the last
    /// tuning. Default 1 day: long enough to outlive restarts and silo losses, short enough that a host's bad day
    /// is not held against its source for good. 1 min to 365 days.
    /// </summary>
    public TimeSpan FindingTtl { get; set; } = TimeSpan.FromDays(1);
}
