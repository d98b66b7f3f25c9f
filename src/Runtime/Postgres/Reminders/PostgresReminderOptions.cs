namespace TgeSwarm.Runtime.Configuration;

/// <summary>Settings of the PostgreSQL reminder table; validated when the silo starts.</summary>
public sealed class PostgresReminderOptions
{
    /// <summary>Npgsql connection string. Required; set by <c>UsePostgresReminderService</c>.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// The partition of the table this service's reminders live in, so several services can share one database.
    /// Default null: the silo's <see cref="ClusterOptions.ServiceId"/>. Keep it stable across deployments: changing it
    /// hides every registered reminder.
    /// </summary>
    public string? ServiceId { get; set; }
}
