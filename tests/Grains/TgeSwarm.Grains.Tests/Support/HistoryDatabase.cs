using Npgsql;
using TgeSwarm.Runtime.Postgres;

namespace TgeSwarm.Grains.Tests.Support;

/// <summary>
/// A migrated schema of its own on the real PostgreSQL of TGESWARM_TEST_POSTGRES (the tests fail without it, never
/// skip), so history tests run beside others without sharing rows. Dropped on dispose.
/// </summary>
internal sealed class HistoryDatabase : IAsyncDisposable
{
    private const string Variable = "TGESWARM_TEST_POSTGRES";

    private HistoryDatabase(string schema, string connectionString)
    {
        Schema = schema;
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string Schema { get; }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    private static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set: the history tests need a real PostgreSQL (scripts/test.sh starts one and sets it).");

    public static async Task<HistoryDatabase> CreateAsync()
    {
        var schema = "grains_" + Guid.NewGuid().ToString("N");
        await using (var admin = NpgsqlDataSource.Create(ServerConnectionString))
        {
            await admin.CreateCommand($"CREATE SCHEMA {schema}").ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { SearchPath = schema }.ConnectionString;
        await PostgresSchema.MigrateAsync(connectionString);
        return new HistoryDatabase(schema, connectionString);
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await using var admin = NpgsqlDataSource.Create(ServerConnectionString);
        await admin.CreateCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE").ExecuteNonQueryAsync();
    }
}
