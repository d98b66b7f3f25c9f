namespace TgeSwarm.Runtime.Postgres.Migrations;

/// <summary>The runner's own statements. Table names are unqualified so the connection's search_path picks the schema.</summary>
internal static class MigrationSql
{
    // One key for every TgeSwarm process on a database: whoever holds it is the only one reading or changing the
    // migration history. The value spells "TgeSwarm" in ASCII so it is recognisable in pg_locks.
    public const long AdvisoryLockKey = 0x5467_6553_7761_726D;

    // Transaction-scoped: released by commit or rollback, so it can never outlive the transaction on a pooled session.
    public const string Lock = "SELECT pg_advisory_xact_lock($1)";

    // Before 0001 has run the history table does not exist; that is a fresh database, not an error.
    public const string HistoryExists = "SELECT to_regclass('schema_migrations') IS NOT NULL";

    public const string ReadHistory = "SELECT version, name, checksum FROM schema_migrations ORDER BY version";

    public const string Record = "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)";
}
