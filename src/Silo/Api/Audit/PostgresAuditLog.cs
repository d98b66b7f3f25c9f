using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using TgeSwarm.Silo.Security;

namespace TgeSwarm.Silo.Api.Audit;

/// <summary>The cluster's audit log in <c>api_audit</c>; every silo appends to it, ids order it.</summary>
internal sealed class PostgresAuditLog(ApiDatabase database) : IAuditLog
{
    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "INSERT INTO api_audit (at, key_id, key_name, method, route, target, status, remote_address) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            connection);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = entry.At });
        command.Parameters.Add(Text(entry.KeyId));
        command.Parameters.Add(Text(entry.KeyName));
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.Method });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.Route });
        command.Parameters.Add(Text(entry.Target));
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = entry.Status });
        command.Parameters.Add(Text(entry.RemoteAddress));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<AuditPage> ReadAsync(int limit, long? before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT id, at, key_id, key_name, method, route, target, status, remote_address FROM api_audit
            WHERE $1::bigint IS NULL OR id < $1 ORDER BY id DESC LIMIT $2
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)before ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit + 1 });
        var items = new List<AuditEntry>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(new AuditEntry(
                    reader.GetInt64(0),
                    reader.GetFieldValue<DateTimeOffset>(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetString(4),
                    reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6),
                    reader.GetInt32(7),
                    reader.IsDBNull(8) ? null : reader.GetString(8)));
            }
        }

        string? next = null;
        if (items.Count > limit)
        {
            items.RemoveAt(limit);
            next = items[^1].Id.ToString(CultureInfo.InvariantCulture);
        }

        return new AuditPage(items, next);
    }

    private static NpgsqlParameter Text(string? value) =>
        new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };
}
