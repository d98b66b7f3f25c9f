namespace TgeSwarm.Runtime.Membership;

/// <summary>One silo life in the membership table.</summary>
public sealed record MembershipEntry
{
    public required SiloAddress SiloAddress { get; init; }

    public required SiloStatus Status { get; init; }

    public string SiloName { get; init; } = "";

    public string HostName { get; init; } = "";

    /// <summary>The port clients connect to, or 0 when this silo is no gateway.</summary>
    public int ProxyPort { get; init; }

    public DateTimeOffset StartTime { get; init; }

    /// <summary>The last time the silo wrote that it was alive: for diagnostics and for ignoring stale rows.</summary>
    public DateTimeOffset IAmAliveTime { get; init; }

    /// <summary>Suspicion votes: who suspected this silo, and when.</summary>
    public IReadOnlyList<SuspectVote> SuspectTimes { get; init; } = [];

    /// <summary>Why the silo was declared dead (or stopped), for operators; empty while it lives.</summary>
    public string DeathReason { get; init; } = "";
}
