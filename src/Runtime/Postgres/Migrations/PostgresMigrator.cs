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
/// Algorithm: in one transaction take the transaction-scoped <c>pg_advisory_xact_lock</c>, read the history, verify
/// checksums, apply the first pending script, record it, commit (which releases the lock); repeat until nothing is
/// pending. Holding the lock for the transaction rather than the session means no path can leave it held: commit and
/// rollback release it, a connection closed with its transaction open is rolled back by Npgsql before it goes back to
/// the pool (whose sessions are not reset, see <see cref="PostgresDatabases"/>), and a dead connection's session ends.
/// Each round verifies and applies against the same history; silos that start together queue on the lock and find
/// nothing left to do.
/// </para>
/// <para>
/// Failure modes: a script that fails rolls back alone (earlier ones stay applied) and the exception propagates;
/// waiting for the lock is bounded by the connection's command timeout. Versions recorded in the database but
/// unknown to this build (a newer silo migrated first during a rolling upgrade) are logged, not fatal: migrations
/// must stay compatible with the previous build.
/// </para>
/// </summary>
internal sealed partial class PostgresMigrator(NpgsqlDataSource dataSource, IReadOnlyList<MigrationScript> scripts, ILogger<PostgresMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        for (var round = 0; ; round++)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var command = new NpgsqlCommand(MigrationSql.Lock, connection, transaction))
            {
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = MigrationSql.AdvisoryLockKey });
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            var history = await ReadHistoryAsync(connection, transaction, cancellationToken);
            Verify(history, logUnknown: round == 0);
            if (scripts.FirstOrDefault(s => !history.ContainsKey(s.Version)) is not { } pending)
            {
                await transaction.CommitAsync(cancellationToken);
                if (round == 0)
                {
                    LogUpToDate(logger, connection.Database, scripts.Count);
                }

                return;
            }

            await ApplyAsync(connection, transaction, pending, cancellationToken);
        }
    }

    private void Verify(Dictionary<int, AppliedMigration> history, bool logUnknown)
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

        if (!logUnknown)
        {
            return;
        }

        var known = scripts.Select(s => s.Version).ToHashSet();
        foreach (var row in history.Values.Where(r => !known.Contains(r.Version)))
        {
            LogUnknownInDatabase(logger, row.Name, row.Version);
        }
    }

    private async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, MigrationScript script, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
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

    private static async Task<Dictionary<int, AppliedMigration>> ReadHistoryAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var history = new Dictionary<int, AppliedMigration>();
        await using (var exists = new NpgsqlCommand(MigrationSql.HistoryExists, connection, transaction))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return history;
            }
        }

        await using var command = new NpgsqlCommand(MigrationSql.ReadHistory, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new AppliedMigration(reader.GetInt32(0), reader.GetString(1), reader.GetString(2));
            history.Add(row.Version, row);
        }

        return history;
    }
}
