using System.Data;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace TgeSwarm.Runtime.Postgres.Reminders;

/// <summary>
/// Reminders in the <c>swarm_reminders</c> table (<c>db/migrations/0004_reminders.sql</c>), partitioned by service id.
/// <para>
/// Optimistic concurrency: the row's <c>version</c> is the ETag, drawn from a sequence so it never repeats. An upsert
/// with no expected ETag inserts only if no row exists; with one, it updates only the row still at that version; a
/// remove deletes likewise. A conflict is one conditional statement that matches nothing, answered with null or false:
/// the caller reads again and decides. Range reads take a silo's ranges of the hash ring in one statement; a range
/// that wraps past the top of the ring is split in two here.
/// </para>
/// <para>
/// Every operation first makes sure the schema is migrated (once per database per silo). Outages surface as Npgsql
/// exceptions, bounded by the connection string's Timeout and Command Timeout.
/// </para>
/// </summary>
internal sealed partial class PostgresReminderTable(PostgresDatabase database, string serviceId, ILogger<PostgresReminderTable> logger) : IReminderTable
{
    private const long TopOfRing = uint.MaxValue;

    public async Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        await database.EnsureMigratedAsync(cancellationToken);
        await using var command = database.DataSource.CreateCommand(ReminderSql.ReadRow);
        AddKey(command, grainId, reminderName);
        var rows = await ReadAsync(command, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        RequireGrain(grainId);
        await database.EnsureMigratedAsync(cancellationToken);
        await using var command = database.DataSource.CreateCommand(ReminderSql.ReadGrain);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.ToString() });
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(IReadOnlyList<ReminderRange> ranges, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var (lows, highs) = Split(ranges);
        if (lows.Count == 0)
        {
            return [];
        }

        await database.EnsureMigratedAsync(cancellationToken);
        await using var command = database.DataSource.CreateCommand(ReminderSql.ReadRanges);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. lows], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. highs], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<string?> UpsertRowAsync(ReminderEntry entry, string? expectedETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        long? expected = null;
        if (expectedETag is not null)
        {
            if (ParseVersion(expectedETag) is not { } version)
            {
                LogUpsertRefused(logger, entry.ReminderName, entry.GrainId, expectedETag);
                return null;
            }

            expected = version;
        }

        await database.EnsureMigratedAsync(cancellationToken);
        await using var command = database.DataSource.CreateCommand(expected is null ? ReminderSql.Insert : ReminderSql.Update);
        AddKey(command, entry.GrainId, entry.ReminderName);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = entry.GrainHash });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = Utc(entry.StartAt), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = entry.Period, NpgsqlDbType = NpgsqlDbType.Interval });
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = entry.DueTime, NpgsqlDbType = NpgsqlDbType.Interval });
        if (expected is { } expectedVersion)
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = expectedVersion });
        }

        if (await command.ExecuteScalarAsync(cancellationToken) is long written)
        {
            return FormatVersion(written);
        }

        LogUpsertRefused(logger, entry.ReminderName, entry.GrainId, expectedETag ?? "none (no row)");
        return null;
    }

    public async Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eTag);
        if (ParseVersion(eTag) is not { } version)
        {
            return false;
        }

        await database.EnsureMigratedAsync(cancellationToken);
        await using var command = database.DataSource.CreateCommand(ReminderSql.Delete);
        AddKey(command, grainId, reminderName);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = version });
        if (await command.ExecuteScalarAsync(cancellationToken) is long)
        {
            return true;
        }

        LogRemoveRefused(logger, reminderName, grainId, eTag);
        return false;
    }

    public async Task<bool> RecordTickAsync(GrainId grainId, string reminderName, string eTag, DateTime firedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eTag);
        if (ParseVersion(eTag) is not { } version)
        {
            return false;
        }

        await database.EnsureMigratedAsync(cancellationToken);
        await using var command = database.DataSource.CreateCommand(ReminderSql.RecordTick);
        AddKey(command, grainId, reminderName);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = version });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = Utc(firedAt), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await command.ExecuteScalarAsync(cancellationToken) is long;
    }

    /// <summary>The ranges as lower (exclusive) and upper (inclusive) bounds that never wrap; -1 is "from hash 0 on".</summary>
    internal static (List<long> Lows, List<long> Highs) Split(IReadOnlyList<ReminderRange> ranges)
    {
        List<long> lows = [], highs = [];
        foreach (var range in ranges)
        {
            if (range.IsFullRing)
            {
                lows.Add(-1);
                highs.Add(TopOfRing);
            }
            else if (range.IsWrapped)
            {
                lows.Add(range.Begin);
                highs.Add(TopOfRing);
                lows.Add(-1);
                highs.Add(range.End);
            }
            else
            {
                lows.Add(range.Begin);
                highs.Add(range.End);
            }
        }

        return (lows, highs);
    }

    private void AddKey(NpgsqlCommand command, GrainId grainId, string reminderName)
    {
        RequireGrain(grainId);
        ArgumentException.ThrowIfNullOrEmpty(reminderName);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.ToString() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reminderName });
    }

    private static async Task<List<ReminderEntry>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.Default, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = reader.GetFieldValue<DateTime>(2),
                Period = reader.GetFieldValue<TimeSpan>(3),
                DueTime = reader.GetFieldValue<TimeSpan>(4),
                ETag = FormatVersion(reader.GetInt64(5)),
                LastFiredAt = reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTime>(6),
            });
        }

        return rows;
    }

    private static void RequireGrain(GrainId grainId)
    {
        if (grainId.IsDefault)
        {
            throw new ArgumentException("A grain id is required.", nameof(grainId));
        }
    }

    private static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    // An ETag this table did not write can match no row: the caller gets a refusal, never an exception.
    private static long? ParseVersion(string etag) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0 ? version : null;

    private static string FormatVersion(long version) => version.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(PostgresReminderEventIds.UpsertRefused, LogLevel.Debug, "Writing reminder '{ReminderName}' of grain {GrainId} refused: the stored row is not at the expected version {Expected}")]
    private static partial void LogUpsertRefused(ILogger logger, string reminderName, GrainId grainId, string expected);

    [LoggerMessage(PostgresReminderEventIds.RemoveRefused, LogLevel.Debug, "Removing reminder '{ReminderName}' of grain {GrainId} at version {Expected} matched no row")]
    private static partial void LogRemoveRefused(ILogger logger, string reminderName, GrainId grainId, string expected);
}
