namespace TgeSwarm.Runtime.Postgres.Membership;

/// <summary>
/// The membership table's statements (<c>db/migrations/0003_membership.sql</c>), constant text with positional
/// parameters so Npgsql can prepare them.
/// <para>
/// Every change is a single statement whose first CTE, <c>bumped</c>, moves the cluster's version row and whose
/// member write reads from <c>bumped</c>, so the member row is touched only if the version moved, and
/// <c>pg_notify</c> runs only then too (a notification is sent when the statement commits, never for a rolled-back
/// one). Every change locks the version row before any member row, so two changes never deadlock.
/// </para>
/// <para>
/// Why checks on member rows inside <c>bumped</c> (row exists, etag matches) can read the statement's snapshot:
/// an UPDATE changes a row only if it matches the WHERE clause both in the snapshot and, after waiting for a
/// concurrent writer of that row, in its newest committed version. A successful <c>version = $2 - 1</c> therefore means
/// the version row did not change after the snapshot was taken, and as every change of a member row except an IAmAlive
/// write moves the version in the same statement, the snapshot's member rows are the current ones.
/// </para>
/// </summary>
internal static class MembershipSql
{
    public const string Channel = "swarm_membership";

    private const string Columns =
        "address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time, suspect_times, death_reason";

    // $1 cluster id, $2 the new version, $3..$5 the silo's key, $6..$13 the entry, ($14 the expected etag).
    private const string Key = "cluster_id = $1 AND address = $3 AND port = $4 AND generation = $5";

    private const string CompareAndSwapVersion =
        "UPDATE swarm_membership_version SET version = $2, changed_at = now() " +
        "WHERE cluster_id = $1 AND version = $2 - 1 ";

    private const string NotifyFromBumped = "SELECT version, pg_notify('" + Channel + "', $1 || ':' || version) FROM bumped";

    public const string Initialize =
        "INSERT INTO swarm_membership_version (cluster_id) VALUES ($1) ON CONFLICT (cluster_id) DO NOTHING";

    public const string ReadVersion = "SELECT version FROM swarm_membership_version WHERE cluster_id = $1";

    // One statement, one snapshot: the rows and the version always belong together. No version row (not initialized)
    // reads as no rows at all.
    private const string ReadColumns =
        "SELECT v.version, m.address, m.port, m.generation, m.silo_name, m.host_name, m.status, m.proxy_port, " +
        "m.start_time, m.i_am_alive_time, m.suspect_times::text, m.death_reason, m.etag " +
        "FROM swarm_membership_version v LEFT JOIN swarm_membership m ON m.cluster_id = v.cluster_id";

    public const string ReadAll = ReadColumns + " WHERE v.cluster_id = $1 ORDER BY m.address, m.port, m.generation";

    public const string ReadRow = ReadColumns + " AND m.address = $2 AND m.port = $3 AND m.generation = $4 WHERE v.cluster_id = $1";

    public const string Insert =
        "WITH bumped AS (" + CompareAndSwapVersion +
        "AND NOT EXISTS (SELECT 1 FROM swarm_membership WHERE " + Key + ") RETURNING version), " +
        "inserted AS (INSERT INTO swarm_membership (cluster_id, " + Columns + ", etag) " +
        "SELECT $1, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, version FROM bumped) " +
        NotifyFromBumped;

    public const string Update =
        "WITH bumped AS (" + CompareAndSwapVersion +
        "AND EXISTS (SELECT 1 FROM swarm_membership WHERE " + Key + " AND etag = $14) RETURNING version), " +
        "updated AS (UPDATE swarm_membership m SET silo_name = $6, host_name = $7, status = $8, proxy_port = $9, " +
        "start_time = $10, i_am_alive_time = $11, suspect_times = $12, death_reason = $13, etag = b.version FROM bumped b " +
        "WHERE m.cluster_id = $1 AND m.address = $3 AND m.port = $4 AND m.generation = $5 AND m.etag = $14) " +
        NotifyFromBumped;

    // $1 cluster id, $2..$4 the silo's key, $5 the time.
    public const string UpdateIAmAlive =
        "UPDATE swarm_membership SET i_am_alive_time = $5 WHERE cluster_id = $1 AND address = $2 AND port = $3 AND generation = $4";

    // $1 cluster id, $2 the IAmAlive bound. Moves the version only when there is something to delete.
    public const string CleanupDefunct =
        "WITH bumped AS (UPDATE swarm_membership_version SET version = version + 1, changed_at = now() " +
        "WHERE cluster_id = $1 AND EXISTS (SELECT 1 FROM swarm_membership WHERE cluster_id = $1 AND status = 6 AND i_am_alive_time < $2) " +
        "RETURNING version), " +
        "deleted AS (DELETE FROM swarm_membership m USING bumped " +
        "WHERE m.cluster_id = $1 AND m.status = 6 AND m.i_am_alive_time < $2 RETURNING 1) " +
        "SELECT (SELECT count(*) FROM deleted)::integer, pg_notify('" + Channel + "', $1 || ':' || version) FROM bumped";

    // The version moves on rather than back to 0, so a watcher never sees it shrink.
    public const string DeleteAll =
        "WITH bumped AS (UPDATE swarm_membership_version SET version = version + 1, changed_at = now() " +
        "WHERE cluster_id = $1 RETURNING version), " +
        "deleted AS (DELETE FROM swarm_membership m USING bumped WHERE m.cluster_id = $1) " +
        NotifyFromBumped;
}
