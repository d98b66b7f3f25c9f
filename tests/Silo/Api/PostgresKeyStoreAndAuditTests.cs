using System.Net;
using Npgsql;
using TgeSwarm.Client.Api;

namespace TgeSwarm.Silo.Tests.Api;

/// <summary>A cluster member keeps keys (hashes only) and the audit log in PostgreSQL, shared by every silo.</summary>
public sealed class PostgresKeyStoreAndAuditTests : IAsyncLifetime
{
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await PostgresApiSilo.CreateSchemaAsync();

    public Task DisposeAsync() => PostgresApiSilo.DropSchemaAsync(_connectionString);

    [Fact]
    public async Task Keys_are_stored_as_hashes_and_a_key_made_before_a_restart_still_works_after_it()
    {
        var clusterId = $"api-{Guid.NewGuid():N}";
        CreatedApiKey created;
        await using (var first = new PostgresApiSilo(_connectionString, clusterId))
        {
            created = await first.Admin().CreateKeyAsync("pg-operator", "operator");
        }

        await using var second = new PostgresApiSilo(_connectionString, $"api-{Guid.NewGuid():N}");
        var current = await second.Client(created.Key).GetCurrentKeyAsync();

        Assert.Equal(new CurrentApiKey(created.Id, "pg-operator", "operator"), current);
        await using var data = NpgsqlDataSource.Create(_connectionString);
        await using var command = data.CreateCommand("SELECT key_hash, role FROM api_keys WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = created.Id });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(created.Key)), reader.GetFieldValue<byte[]>(0));
        Assert.Equal("operator", reader.GetString(1));
    }

    [Fact]
    public async Task A_key_revoked_on_one_silo_is_refused_by_another_once_its_lookup_is_not_cached()
    {
        // Two silos (of two clusters, for speed) on one database; no lookup cache, so the second sees the revocation at once.
        await using var first = new PostgresApiSilo(_connectionString, $"api-{Guid.NewGuid():N}", TimeSpan.Zero);
        await using var second = new PostgresApiSilo(_connectionString, $"api-{Guid.NewGuid():N}", TimeSpan.Zero);
        var key = await first.Admin().CreateKeyAsync("roaming", "viewer");
        var before = await second.Client(key.Key).GetCurrentKeyAsync();

        await first.Admin().RevokeKeyAsync(key.Id);
        var refused = await Assert.ThrowsAsync<SwarmApiException>(() => second.Client(key.Key).GetCurrentKeyAsync());

        Assert.Equal("roaming", before.Name);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("The API key was revoked.", refused.Problem.Title);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_and_the_audit_log_is_kept_in_postgres()
    {
        await using var silo = new PostgresApiSilo(_connectionString, $"api-{Guid.NewGuid():N}");
        var admin = silo.Admin();
        var key = await admin.CreateKeyAsync("short-lived", "viewer");
        await admin.RevokeKeyAsync(key.Id);

        var refused = await Assert.ThrowsAsync<SwarmApiException>(() => silo.Client(key.Key).GetCurrentKeyAsync());
        var first = await admin.GetAuditAsync(limit: 1);
        var second = await admin.GetAuditAsync(limit: 1, cursor: first.NextCursor);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(("DELETE", "/api/keys/{id}", $"id={key.Id}", 204), Describe(Assert.Single(first.Items)));
        Assert.Equal(("POST", "/api/keys", $"id={key.Id}", 201), Describe(Assert.Single(second.Items)));
        Assert.Null(second.NextCursor);
        await using var data = NpgsqlDataSource.Create(_connectionString);
        Assert.Equal(2L, await data.CreateCommand("SELECT count(*) FROM api_audit WHERE key_id = 'config-admin'").ExecuteScalarAsync());
    }

    private static (string, string, string?, int) Describe(AuditEntry e) => (e.Method, e.Route, e.Target, e.Status);
}
