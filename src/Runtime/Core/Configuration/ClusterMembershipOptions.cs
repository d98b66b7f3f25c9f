namespace TgeSwarm.Runtime.Configuration;

/// <summary>
/// Failure detection and membership table settings of a silo. Names and defaults follow Orleans 9.1+
/// (<c>ClusterMembershipOptions</c>): a silo that stops answering is declared dead after about
/// <see cref="ProbeTimeout"/> × <see cref="NumMissedProbesLimit"/> (15 s by default).
/// </summary>
public sealed class ClusterMembershipOptions
{
    /// <summary>
    /// Consecutive missed probes after which a silo casts a suspicion vote against the silo it probes (and renews
    /// that vote on every further miss). Default 3.
    /// </summary>
    public int NumMissedProbesLimit { get; set; } = 3;

    /// <summary>How long one probe may wait for an answer; also the period between probes of one silo. Default 5 s.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many other active silos each silo probes (the next ones on a ring of silo addresses). Default 10.</summary>
    public int NumProbedSilos { get; set; } = 10;

    /// <summary>
    /// Unexpired suspicion votes needed to declare a silo dead; capped at half of the active, non-stale silos
    /// (rounded up), so small clusters can still evict. Default 2.
    /// </summary>
    public int NumVotesForDeathDeclaration { get; set; } = 2;

    /// <summary>Age after which a suspicion vote no longer counts. Default 2 minutes.</summary>
    public TimeSpan DeathVoteExpirationTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Period of this silo's IAmAlive write to the membership table. IAmAlive is no heartbeat: it only tells which
    /// rows are stale (see <see cref="NumMissedTableIAmAliveLimit"/>). Default 30 s.
    /// </summary>
    public TimeSpan IAmAlivePublishTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A row whose IAmAlive is older than <see cref="IAmAlivePublishTimeout"/> × this is stale: it counts for no
    /// vote quorum, and a joining silo declares it dead at once (a whole-cluster restart does not wait on rows of
    /// the previous cluster). Default 3 (90 s).
    /// </summary>
    public int NumMissedTableIAmAliveLimit { get; set; } = 3;

    /// <summary>
    /// Period of the full membership table read, the fallback when a change notification is lost or there is no
    /// change feed. Default 60 s.
    /// </summary>
    public TimeSpan TableRefreshTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a silo keeps trying to write its row (the membership table being unreachable) before start fails. Default 5 minutes.</summary>
    public TimeSpan MaxJoinAttemptTime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Age (by IAmAlive) after which rows of dead silos are deleted from the table. Default 7 days.</summary>
    public TimeSpan DefunctSiloExpiration { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Period of the deletion of defunct rows. Default 1 hour.</summary>
    public TimeSpan DefunctSiloCleanupPeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Whether the probe that would cast a vote (the one after <see cref="NumMissedProbesLimit"/> − 1 misses in a
    /// row) also goes through a randomly chosen third silo: if the direct probe misses but that silo reaches the
    /// target, nobody votes (only this silo's path to it is broken). Needs a third active silo; without one the probe
    /// is only direct. Default true.
    /// </summary>
    public bool EnableIndirectProbes { get; set; } = true;

    /// <summary>
    /// Whether this silo probes others and votes. Off only for diagnostics: nobody then detects a failed silo
    /// except by its own graceful stop. Default true.
    /// </summary>
    public bool LivenessEnabled { get; set; } = true;

    /// <summary>
    /// The fast settings for in-process test clusters: probes every 500 ms (a dead silo is voted out in about
    /// 1.5 s), IAmAlive every second (stale after 3 s), a full table read every second, votes expire after 10 s,
    /// joining gives up after 30 s. Usable as <c>Configure&lt;ClusterMembershipOptions&gt;(ClusterMembershipOptions.ApplyTestDefaults)</c>.
    /// </summary>
    public static void ApplyTestDefaults(ClusterMembershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ProbeTimeout = TimeSpan.FromMilliseconds(500);
        options.NumMissedProbesLimit = 3;
        options.IAmAlivePublishTimeout = TimeSpan.FromSeconds(1);
        options.NumMissedTableIAmAliveLimit = 3;
        options.TableRefreshTimeout = TimeSpan.FromSeconds(1);
        options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(10);
        options.MaxJoinAttemptTime = TimeSpan.FromSeconds(30);
    }
}
