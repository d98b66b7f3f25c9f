namespace TgeSwarm.Runtime.Postgres.Reminders;

/// <summary>Event ids of the PostgreSQL reminder table's log messages: the block 7080-7099.</summary>
internal static class PostgresReminderEventIds
{
    public const int UpsertRefused = 7080;
    public const int RemoveRefused = 7081;
}
