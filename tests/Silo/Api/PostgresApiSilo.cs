using Microsoft.AspNetCore.Hosting;
using Npgsql;
using TgeSwarm.Silo.Tests.Configuration;

namespace TgeSwarm.Silo.Tests.Api;

/// <summary>
/// A cluster-member silo whose tables (membership, keys, audit …) live in a scratch schema of the test run's
/// PostgreSQL, so its keys and audit rows are exactly what the test made. Silos made with the same schema share them.
/// </summary>
public sealed class PostgresApiSilo(string connectionString, string clusterId, TimeSpan? keyCacheTtl = null) : ApiSiloFactory
{
    public static async Task<string> CreateSchemaAsync()
    {
        var name = "api_test_" + Guid.NewGuid().ToString("N");
        await using (var admin = NpgsqlDataSource.Create(PostgresTestEnvironment.ConnectionString))
        {
            await admin.CreateCommand($"CREATE SCHEMA {name}").ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(PostgresTestEnvironment.ConnectionString) { SearchPath = name }.ConnectionString;
    }

    public static async Task DropSchemaAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).SearchPath;
        await using var admin = NpgsqlDataSource.Create(PostgresTestEnvironment.ConnectionString);
        await admin.CreateCommand($"DROP SCHEMA IF EXISTS {name} CASCADE").ExecuteNonQueryAsync();
    }

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Swarm:Postgres", connectionString);
        builder.UseSetting("Swarm:ClusterSecret", "api-tests-cluster-secret");
        builder.UseSetting("Swarm:ClusterId", clusterId);
        builder.UseSetting("Swarm:ServiceId", clusterId);
        if (keyCacheTtl is { } ttl)
        {
            builder.UseSetting("Api:KeyCacheTtl", ttl.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
