using System.Data.Common;
using Microsoft.Extensions.Logging;
using Npgsql;
using TgeSwarm.Runtime.Postgres.Migrations;

namespace TgeSwarm.Runtime.Postgres;

/// <summary>
/// The silo's databases, one per connection string, shared by every PostgreSQL provider of the container so two
/// providers on one database share a connection pool and migrate it once. A DI singleton rather than a static
/// cache: two silos in one process (TestCluster) each own and dispose theirs.
/// </summary>
internal sealed class PostgresDatabases(ILoggerFactory loggerFactory) : IAsyncDisposable, IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, PostgresDatabase> _databases = new(StringComparer.Ordinal);
    private bool _disposed;

    public PostgresDatabase Get(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_databases.TryGetValue(connectionString, out var database))
            {
                database = Create(connectionString);
                _databases.Add(connectionString, database);
            }

            return database;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in TakeAll())
        {
            await database.DisposeAsync();
        }
    }

    public void Dispose()
    {
        foreach (var database in TakeAll())
        {
            database.Dispose();
        }
    }

    private PostgresDatabase Create(string connectionString)
    {
        var pooled = new NpgsqlDataSourceBuilder(connectionString);

        // Names the silo's sessions in pg_stat_activity unless the operator chose a name.
        pooled.ConnectionStringBuilder.ApplicationName ??= "tgeswarm";

        // The runtime issues the same few statements over and over (state reads and versioned upserts, membership
        // writes) on pooled connections; letting Npgsql prepare them per physical connection makes them as fast as
        // hand-prepared commands. An operator's own setting wins.
        if (pooled.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            pooled.ConnectionStringBuilder.MaxAutoPrepare = 64;
            pooled.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }

        // By default Npgsql resets a session whenever its connection goes back to the pool: with prepared statements
        // that is seven statements (RESET ALL, UNLISTEN *, pg_advisory_unlock_all() ...) run ahead of the next
        // command, which cost a state write a third of its throughput. The providers leave no session state on
        // pooled connections (see PostgresDatabase), so there is nothing to reset. An operator's own setting wins.
        if (!Names(connectionString, "NoResetOnClose"))
        {
            pooled.ConnectionStringBuilder.NoResetOnClose = true;
        }

        var session = new NpgsqlDataSourceBuilder(connectionString);
        session.ConnectionStringBuilder.ApplicationName ??= "tgeswarm";
        session.ConnectionStringBuilder.Pooling = false;

        var dataSource = pooled.UseLoggerFactory(loggerFactory).Build();
        var migrator = new PostgresMigrator(dataSource, EmbeddedMigrations.Load(), loggerFactory.CreateLogger<PostgresMigrator>());
        return new PostgresDatabase(dataSource, session.UseLoggerFactory(loggerFactory).Build(), migrator);
    }

    // A typed builder cannot tell "set to the default" from "not set", so look at the keywords themselves, in any of
    // Npgsql's spellings ("No Reset On Close", "NoResetOnClose", any case).
    private static bool Names(string connectionString, string compactKeyword)
    {
        var parsed = new DbConnectionStringBuilder { ConnectionString = connectionString };
        foreach (string key in parsed.Keys)
        {
            if (string.Equals(key.Replace(" ", "", StringComparison.Ordinal), compactKeyword, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private PostgresDatabase[] TakeAll()
    {
        lock (_lock)
        {
            _disposed = true;
            var all = _databases.Values.ToArray();
            _databases.Clear();
            return all;
        }
    }
}
