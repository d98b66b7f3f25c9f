using Npgsql;
using NpgsqlTypes;

namespace TgeSwarm.Silo.Security;

/// <summary>A cluster's keys in <c>api_keys</c>, shared by every silo; looked up by the hash's unique index.</summary>
internal sealed class PostgresApiKeyStore(ApiDatabase database) : IApiKeyStore
{
    private const string Columns = "id, name, role, key_hash, created_at, revoked_at";

    public async Task SaveAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO api_keys (id, name, role, key_hash, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role, key_hash = excluded.key_hash,
                revoked_at = excluded.revoked_at
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.Id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.Name });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ApiRoles.Name(key.Role) });
        command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = key.Hash, NpgsqlDbType = NpgsqlDbType.Bytea });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = key.CreatedAt });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)key.RevokedAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ApiKeyRecord?> FindByHashAsync(byte[] hash, CancellationToken cancellationToken)
    {
        var found = await QueryAsync($"SELECT {Columns} FROM api_keys WHERE key_hash = $1", new NpgsqlParameter<byte[]> { TypedValue = hash, NpgsqlDbType = NpgsqlDbType.Bytea }, cancellationToken);

        // The index found the row; the comparison that decides is still the constant-time one.
        return found.Count == 1 && ApiKeySecret.HashesEqual(found[0].Hash, hash) ? found[0] : null;
    }

    public async Task<ApiKeyRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var found = await QueryAsync($"SELECT {Columns} FROM api_keys WHERE id = $1", new NpgsqlParameter<string> { TypedValue = id }, cancellationToken);
        return found.Count == 1 ? found[0] : null;
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {Columns} FROM api_keys ORDER BY created_at, id", parameter: null, cancellationToken);

    public async Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("UPDATE api_keys SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task<List<ApiKeyRecord>> QueryAsync(string sql, NpgsqlParameter? parameter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        if (parameter is not null)
        {
            command.Parameters.Add(parameter);
        }

        var keys = new List<ApiKeyRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            // A role this build does not know (a newer silo wrote it) grants nothing rather than failing every read.
            var role = ApiRoles.TryParse(reader.GetString(2), out var parsed) ? parsed : (ApiRole)0;
            keys.Add(new ApiKeyRecord(
                reader.GetString(0),
                reader.GetString(1),
                role,
                reader.GetFieldValue<byte[]>(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return keys;
    }
}
