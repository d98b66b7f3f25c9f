using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TgeSwarm.Runtime.CodeRegistry;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Postgres.Persistence;
using TgeSwarm.Runtime.Serialization;

namespace TgeSwarm.Runtime.Postgres.Tests.Persistence;

/// <summary>
/// Storage providers on the test database's default schema, under a service id no other test class uses, so
/// classes run side by side (and migrate the shared schema concurrently, as silos would). Rows are removed on
/// dispose.
/// </summary>
public sealed class GrainStorageFixture : IAsyncLifetime
{
    private readonly PostgresDatabases _databases = new(NullLoggerFactory.Instance);

    public string ServiceId { get; } = "test-" + Guid.NewGuid().ToString("N");

    internal PostgresDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = _databases.Get(PostgresTestEnvironment.ConnectionString);
        await Database.EnsureMigratedAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await ExecuteAsync("DELETE FROM grain_storage WHERE service_id = $1", ServiceId);
        await _databases.DisposeAsync();
    }

    /// <summary>The runtime's serializer with the built-in codecs and the ones generated for this test assembly.</summary>
    internal SwarmSerializer Serializer { get; } =
        new(new CodecProvider(new SwarmCodeRegistry().AddAssembly(typeof(GrainStorageFixture).Assembly)));

    internal PostgresGrainStorage CreateStorage(GrainStateFormat format = GrainStateFormat.Json, string? serviceId = null) =>
        new("store", Database, serviceId ?? ServiceId, new GrainStatePayloadCodec(format, null, Serializer), NullLogger<PostgresGrainStorage>.Instance);

    public async Task<object?> ExecuteAsync(string sql, params object[] parameters)
    {
        await using var command = Database.DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return await command.ExecuteScalarAsync();
    }
}
