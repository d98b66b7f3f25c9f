namespace TgeSwarm.Runtime.Postgres;

/// <summary>
/// Every log event id of the PostgreSQL assembly, so ids stay unique and a dashboard filter written against one
/// keeps meaning the same event. Blocks of twenty per subsystem; later providers (membership, reminders, streams)
/// take the next blocks.
/// </summary>
internal static class PostgresEventIds
{
    // Migrations: 7000-7019.
    public const int MigrationApplied = 7000;
    public const int MigrationsUpToDate = 7001;
    public const int MigrationUnknownInDatabase = 7002;
    // 7003 was MigrationUnlockFailed: the migration lock is transaction-scoped now and cannot fail to release.

    // Grain storage: 7020-7039.
    public const int GrainStorageConflict = 7020;

    // Membership: 7040-7079.
    public const int MembershipListenFailed = 7040;
    public const int MembershipListenResumed = 7041;
    public const int MembershipInsertRefused = 7042;
    public const int MembershipUpdateRefused = 7043;
    public const int MembershipDefunctDeleted = 7044;
    public const int MembershipAllDeleted = 7045;
}
