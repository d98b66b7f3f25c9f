namespace TgeSwarm.Grains.Coordination.Queen;

/// <summary>The queen's reconciliation and health monitor (section <c>Coordination:Queen</c>).</summary>
internal sealed class QueenOptions
{
    public const string SectionName = "Coordination:Queen";

    /// <summary>Time between reconciliation passes. Default 10 s: a failed shard is noticed within seconds, and a pass costs one status call per agent.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Restarts the health monitor makes before the cooldown. Default 3.</summary>
    public int MaxRestartAttempts { get; set; } = 3;

    /// <summary>
    /// After the last allowed restart, how long the monitor waits for the agent to recover before it gives up and only
    /// alerts. Default 5 min: longer than an ingestion shard's reconnect backoff.
    /// </summary>
    public TimeSpan RestartCooldown { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one status read may take before the agent counts as failed. Default 5 s.</summary>
    public TimeSpan StatusTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one start or stop call may take. Default 15 s (a start may activate the agent on another silo).</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Entries kept in the action log; the oldest go first. Default 1,000.</summary>
    public int MaxActions { get; set; } = 1_000;

    /// <summary>The most shards a group may be scaled to. Default 256.</summary>
    public int MaxShards { get; set; } = 256;
}
