using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using TgeSwarm.Grains.Interfaces.Tge;

namespace TgeSwarm.Grains.Tge.Events;

/// <summary>
/// Event records in PostgreSQL (<c>tge_events</c>, <c>db/migrations/0007_tge_events.sql</c>): one row per token slug
/// with the query fields as columns and the sightings as <c>jsonb</c>. A save is one upsert that only replaces an
/// older version, so a retried or reordered save never moves a record back. Queries page by keyset on
/// (<c>first_seen_at</c>, <c>token_slug</c>) — the cursor is the last row's pair — so a page costs the same however
/// deep it is and rows inserted meanwhile neither repeat nor shift later pages. The table is created by the
/// runtime's migrations, which a silo applies when it uses PostgreSQL for clustering or storage.
/// </summary>
internal sealed class PostgresTgeEventStore : ITgeEventStore, IAsyncDisposable
{
    private const string Columns =
        "token_slug, symbol, name, kind, venue, event_time, confidence, title, first_seen_at, updated_at, version, sightings";

    private const string Upsert =
        $"INSERT INTO tge_events ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) "
        + "ON CONFLICT (token_slug) DO UPDATE SET symbol = EXCLUDED.symbol, name = EXCLUDED.name, kind = EXCLUDED.kind, "
        + "venue = EXCLUDED.venue, event_time = EXCLUDED.event_time, confidence = EXCLUDED.confidence, title = EXCLUDED.title, "
        + "first_seen_at = EXCLUDED.first_seen_at, updated_at = EXCLUDED.updated_at, version = EXCLUDED.version, sightings = EXCLUDED.sightings "
        + "WHERE tge_events.version < EXCLUDED.version";

    private readonly NpgsqlDataSource _dataSource;

    public PostgresTgeEventStore(string connectionString, ILoggerFactory loggers)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _dataSource = new NpgsqlDataSourceBuilder(connectionString).UseLoggerFactory(loggers).Build();
    }

    public async Task SaveAsync(TgeEvent record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var command = _dataSource.CreateCommand(Upsert);
        var parameters = command.Parameters;
        parameters.Add(new NpgsqlParameter<string> { TypedValue = record.TokenSlug });
        parameters.Add(Text(record.Symbol));
        parameters.Add(Text(record.Name));
        parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)record.Kind });
        parameters.Add(Text(record.Venue));
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)record.EventTime?.ToUniversalTime() ?? DBNull.Value });
        parameters.Add(new NpgsqlParameter<double> { TypedValue = record.Confidence });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = record.Title });
        parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = record.FirstSeenAt.ToUniversalTime() });
        parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = record.UpdatedAt.ToUniversalTime() });
        parameters.Add(new NpgsqlParameter<int> { TypedValue = record.Version });
        parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = JsonSerializer.Serialize([.. record.Sightings], TgeEventJsonContext.Default.TgeSightingArray) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task DeleteAsync(string tokenSlug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokenSlug);
        await using var command = _dataSource.CreateCommand("DELETE FROM tge_events WHERE token_slug = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tokenSlug });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<TgeEvent?> GetAsync(string tokenSlug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokenSlug);
        await using var command = _dataSource.CreateCommand($"SELECT {Columns} FROM tge_events WHERE token_slug = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tokenSlug });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<TgeEventPage> QueryAsync(TgeEventQuery query, CancellationToken cancellationToken)
    {
        var after = TgeEventQueries.Validate(query);
        await using var command = _dataSource.CreateCommand();
        var sql = new StringBuilder($"SELECT {Columns} FROM tge_events WHERE true");
        var parameters = command.Parameters;
        if (query.From is { } from)
        {
            parameters.Add(new NpgsqlParameter<DateTimeOffset>("from", from.ToUniversalTime()));
            sql.Append(" AND first_seen_at >= @from");
        }

        if (query.To is { } to)
        {
            parameters.Add(new NpgsqlParameter<DateTimeOffset>("to", to.ToUniversalTime()));
            sql.Append(" AND first_seen_at < @to");
        }

        if (query.Kind is { } kind)
        {
            parameters.Add(new NpgsqlParameter<short>("kind", (short)kind));
            sql.Append(" AND kind = @kind");
        }

        if (query.MinConfidence is { } min)
        {
            parameters.Add(new NpgsqlParameter<double>("min", min));
            sql.Append(" AND confidence >= @min");
        }

        if (query.Token is { } token)
        {
            parameters.Add(new NpgsqlParameter<string>("token", token.Trim()));
            sql.Append(" AND (token_slug = @token OR lower(symbol) = lower(@token))");
        }

        if (after is { } cursor)
        {
            parameters.Add(new NpgsqlParameter<DateTimeOffset>("after_time", cursor.FirstSeenAt));
            parameters.Add(new NpgsqlParameter<string>("after_slug", cursor.Slug));
            sql.Append(" AND (first_seen_at, token_slug) < (@after_time, @after_slug)");
        }

        // One row more than the page tells whether another page follows without a count.
        parameters.Add(new NpgsqlParameter<int>("limit", query.Limit + 1));
        sql.Append(" ORDER BY first_seen_at DESC, token_slug DESC LIMIT @limit");
        command.CommandText = sql.ToString();

        var items = new List<TgeEvent>(Math.Min(query.Limit + 1, 64));
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(Read(reader));
            }
        }

        if (items.Count <= query.Limit)
        {
            return new TgeEventPage(items, null);
        }

        items.RemoveAt(items.Count - 1);
        return new TgeEventPage(items, TgeEventQueries.CursorOf(items[^1]).Encode());
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static NpgsqlParameter Text(string? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    private static TgeEvent Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.IsDBNull(1) ? null : reader.GetString(1),
        reader.IsDBNull(2) ? null : reader.GetString(2),
        (TgeKind)reader.GetInt16(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
        reader.GetDouble(6),
        reader.GetString(7),
        reader.GetFieldValue<DateTimeOffset>(8),
        reader.GetFieldValue<DateTimeOffset>(9),
        reader.GetInt32(10),
        JsonSerializer.Deserialize(reader.GetString(11), TgeEventJsonContext.Default.TgeSightingArray) ?? []);
}
