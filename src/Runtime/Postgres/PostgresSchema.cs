using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TgeSwarm.Runtime.Postgres.Migrations;

namespace TgeSwarm.Runtime.Postgres;

/// <summary>
/// TgeSwarm's schema (the scripts of <c>db/migrations</c> this build carries) for code that uses PostgreSQL without a
/// PostgreSQL provider of the runtime: tools, tests, a history-only database. Providers migrate their database
/// themselves when the silo starts.
/// </summary>
public static class PostgresSchema
{
    /// <summary>Applies the pending migrations, with the same guarantees and lock as a starting silo (see the migrator).</summary>
    public static async Task MigrateAsync(string connectionString, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        loggerFactory ??= NullLoggerFactory.Instance;
        await using var dataSource = new NpgsqlDataSourceBuilder(connectionString).UseLoggerFactory(loggerFactory).Build();
        var migrator = new PostgresMigrator(dataSource, EmbeddedMigrations.Load(), loggerFactory.CreateLogger<PostgresMigrator>());
        await migrator.MigrateAsync(cancellationToken);
    }
}
