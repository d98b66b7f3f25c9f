namespace TgeSwarm.Runtime.Membership;

/// <summary>This silo's view of the cluster, kept current by the membership agent.</summary>
internal interface IClusterMembershipService
{
    ClusterMembershipSnapshot CurrentSnapshot { get; }

    /// <summary>
    /// The current snapshot, then every newer one as it is learned (a slow reader may skip versions but never goes
    /// back), until <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    IAsyncEnumerable<ClusterMembershipSnapshot> WatchAsync(CancellationToken cancellationToken);

    /// <summary>Reads the table now and publishes what changed.</summary>
    Task RefreshAsync(CancellationToken cancellationToken);
}
