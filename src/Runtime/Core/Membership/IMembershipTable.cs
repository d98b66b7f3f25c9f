namespace TgeSwarm.Runtime.Membership;

/// <summary>
/// The cluster's membership table: one row per silo life (endpoint + generation) and one version for the whole
/// table. Every change of a row is a compare-and-swap on the table version, so of two silos that read the same
/// version and write, exactly one succeeds; IAmAlive writes change no version. Providers: in memory (one process),
/// PostgreSQL.
/// </summary>
public interface IMembershipTable
{
    /// <summary>Creates what the table needs (schema, the cluster's version row) if it is missing.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>The row of <paramref name="silo"/> (if any) and the current table version.</summary>
    Task<MembershipTableData> ReadRowAsync(SiloAddress silo, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts <paramref name="entry"/> and moves the table to <paramref name="version"/>; false (and no change) when
    /// the stored version is not <c>version.Version - 1</c> or a row for that silo already exists.
    /// </summary>
    Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion version, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the row of <c>entry.SiloAddress</c> and moves the table to <paramref name="version"/>; false (and no
    /// change) when the row's etag is not <paramref name="etag"/> or the stored version is not <c>version.Version - 1</c>.
    /// </summary>
    Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion version, CancellationToken cancellationToken);

    /// <summary>
    /// Writes only <c>entry.IAmAliveTime</c>; neither the row's etag nor the table version changes. Does nothing when
    /// the row does not exist.
    /// </summary>
    Task UpdateIAmAliveAsync(MembershipEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes rows of dead silos whose IAmAlive is older than <paramref name="before"/>; returns how many. Deleting any
    /// moves the table version on by one (so a writer holding the old version is refused); deleting none changes nothing.
    /// </summary>
    Task<int> CleanupDefunctSiloEntriesAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every row of this cluster (tests, decommissioning). The table version moves on by one rather than back
    /// to 0, so the version never decreases.
    /// </summary>
    Task DeleteMembershipTableEntriesAsync(CancellationToken cancellationToken);
}
