using Npgsql;

namespace TgeSwarm.Runtime.Postgres.Tests;

/// <summary>
/// A fresh schema that the connection's search_path points at, so a test sees an empty database of its own
/// (the migration scripts use unqualified names) and runs beside others without colliding. Dropped on dispose.
/// </summary>
internal sealed class ScratchSchema : IAsyncDisposable
{
    private ScratchSchema(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public static async Task<ScratchSchema> CreateAsync()
    {
        var name = "test_" + Guid.NewGuid().ToString("N");
        await using (var admin = NpgsqlDataSource.Create(PostgresTestEnvironment.ConnectionString))
        {
            await admin.CreateCommand($"CREATE SCHEMA {name}").ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(PostgresTestEnvironment.ConnectionString) { SearchPath = name };
        return new ScratchSchema(name, builder.ConnectionString);
    }

    /// <summary>A separate pool on the same schema: its sessions are distinct from <see cref="DataSource"/>'s.</summary>
    public NpgsqlDataSource NewDataSource() => NpgsqlDataSource.Create(ConnectionString);

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await using var admin = NpgsqlDataSource.Create(PostgresTestEnvironment.ConnectionString);
        await admin.CreateCommand($"DROP SCHEMA IF EXISTS {Name} CASCADE").ExecuteNonQueryAsync();
    }
}
