using System.Data;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace TgeSwarm.Runtime.Postgres.Migrations;

/// <summary>
/// Brings a database's schema up to the scripts this build carries.
/// <para>
/// Guarantees: each script runs at most once per database (its version is recorded in <c>schema_migrations</c> in
/// the same transaction as the script, so a script and its record commit or roll back together); scripts run in
/// version order; an applied script whose text has changed since stops start-up, because silently running a
/// different history than the database has is how schemas drift.
/// </para>
/// <para>
/// Algorithm: take a session-level <c>pg_advisory_lock</c> on one connection, read the history, verify checksums,
/// apply each pending script in its own transaction, release the lock. The lock covers the whole run rather than
/// each script so the verification and the applying see the same history; silos that start together queue on it
/// and find nothing left to do.
/// </para>
/// <para>
/// Failure modes: a script that fails rolls back alone (earlier ones stay applied) and the exception propagates;
/// waiting for the lock is bounded by the connection's command timeout; if the connection dies the server drops
/// the lock with the session. Versions recorded in the database but unknown to this build (a newer silo migrated
/// first during a rolling upgrade) are logged, not fatal: migrations must stay compatible with the previous build.
/// </para>
/// </summary>
internal sealed partial class PostgresMigrator(NpgsqlDataSource dataSource, IReadOnlyList<MigrationScript> scripts, ILogger<PostgresMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteLockAsync(connection, MigrationSql.Lock, cancellationToken);
        try
        {
            var history = await ReadHistoryAsync(connection, cancellationToken);
            Verify(history);
            var applied = 0;
            foreach (var script in scripts)
            {
                if (!history.ContainsKey(script.Version))
                {
                    await ApplyAsync(connection, script, cancellationToken);
                    applied++;
                }
            }

            if (applied == 0)
            {
                LogUpToDate(logger, connection.Database, scripts.Count);
            }
        }
        finally
        {
            await UnlockAsync(connection);
        }
    }

    private void Verify(Dictionary<int, AppliedMigration> history)
    {
        foreach (var script in scripts)
        {
            if (history.TryGetValue(script.Version, out var row) && !string.Equals(row.Checksum, script.Checksum, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"Migration '{script.Name}' was changed after it was applied to this database as '{row.Name}' " +
                    $"(recorded checksum {row.Checksum}, this build's {script.Checksum}). Applied migrations are history: " +
                    "restore the original script and put the change in a new numbered migration.");
            }
        }

        var known = scripts.Select(s => s.Version).ToHashSet();
        foreach (var row in history.Values.Where(r => !known.Contains(r.Version)))
        {
            LogUnknownInDatabase(logger, row.Name, row.Version);
        }
    }

    private async Task ApplyAsync(NpgsqlConnection connection, MigrationScript script, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(script.Sql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var record = new NpgsqlCommand(MigrationSql.Record, connection, transaction))
        {
            record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = script.Version });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = script.Name });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = script.Checksum });
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        LogApplied(logger, script.Name, connection.Database, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static async Task<Dictionary<int, AppliedMigration>> ReadHistoryAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var history = new Dictionary<int, AppliedMigration>();
        await using (var exists = new NpgsqlCommand(MigrationSql.HistoryExists, connection))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return history;
            }
        }

        await using var command = new NpgsqlCommand(MigrationSql.ReadHistory, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new AppliedMigration(reader.GetInt32(0), reader.GetString(1), reader.GetString(2));
            history.Add(row.Version, row);
        }

        return history;
    }

    private static async Task ExecuteLockAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = MigrationSql.AdvisoryLockKey });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Runs even when the migration was cancelled, hence no token. A broken connection needs no unlock: the server
    // releases session locks when the session ends. A failed unlock is logged rather than thrown so it cannot hide
    // the exception that brought us here; returning the connection to the pool resets the session anyway.
    private async Task UnlockAsync(NpgsqlConnection connection)
    {
        if (connection.FullState != ConnectionState.Open)
        {
            return;
        }

        try
        {
            await ExecuteLockAsync(connection, MigrationSql.Unlock, CancellationToken.None);
        }
        catch (NpgsqlException ex)
        {
            LogUnlockFailed(logger, ex, connection.Database);
        }
    }
}
