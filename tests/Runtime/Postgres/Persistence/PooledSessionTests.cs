using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Persistence;
using TgeSwarm.Runtime.Postgres.Persistence;

namespace TgeSwarm.Runtime.Postgres.Tests.Persistence;

/// <summary>
/// The shared pool does not reset a session when its connection comes back (so prepared state writes stay prepared
/// and nothing is re-run ahead of the next statement), unless the connection string says otherwise; session state
/// goes on <see cref="PostgresDatabase.OpenSessionConnectionAsync"/> connections, which are never pooled. Each test
/// uses a one-connection pool, so "the next borrower" is the same session.
/// </summary>
public sealed class PooledSessionTests : IAsyncLifetime
{
    private readonly PostgresDatabases _databases = new(NullLoggerFactory.Instance);
    private readonly string _serviceId = "test-" + Guid.NewGuid().ToString("N");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await using (var cleanup = _databases.Get(OneSession()).DataSource.CreateCommand("DELETE FROM grain_storage WHERE service_id = $1"))
        {
            cleanup.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _serviceId });
            await cleanup.ExecuteNonQueryAsync();
        }

        await _databases.DisposeAsync();
    }

    [Fact]
    public async Task A_pooled_session_is_handed_back_as_it_was_left()
    {
        var pool = _databases.Get(OneSession()).DataSource;
        await ExecuteAsync(pool, "SET application_name = 'left-behind'");

        Assert.Equal("left-behind", await ExecuteAsync(pool, "SHOW application_name"));
    }

    [Fact]
    public async Task An_operator_who_asks_for_resets_gets_them()
    {
        var pool = _databases.Get(OneSession(noResetOnClose: false)).DataSource;
        await ExecuteAsync(pool, "SET application_name = 'left-behind'");

        Assert.Equal("tgeswarm", await ExecuteAsync(pool, "SHOW application_name"));
    }

    [Fact]
    public async Task State_writes_stay_prepared_on_their_pooled_session()
    {
        var database = _databases.Get(OneSession());
        var storage = new PostgresGrainStorage(
            "store", database, _serviceId, new GrainStatePayloadCodec(GrainStateFormat.Json, null, null), NullLogger<PostgresGrainStorage>.Instance);
        var state = new GrainState<CounterState>(CounterState.Empty);
        var session = await ExecuteAsync(database.DataSource, "SELECT pg_backend_pid()");

        for (var value = 1; value <= 4; value++)
        {
            state.State = new CounterState(value, "prepared", []);
            await storage.WriteStateAsync("state", GrainId.Create("counter", "prepared"), state, CancellationToken.None);
        }

        Assert.Equal(session, await ExecuteAsync(database.DataSource, "SELECT pg_backend_pid()"));
        Assert.Equal(1L, await ExecuteAsync(database.DataSource, "SELECT count(*) FROM pg_prepared_statements WHERE statement = $1", GrainStorageSql.Update));
        Assert.Equal("4", state.ETag);
    }

    [Fact]
    public async Task A_session_connection_is_not_taken_from_the_pool_and_does_not_go_back_to_it()
    {
        var database = _databases.Get(OneSession());
        var pooled = await ExecuteAsync(database.DataSource, "SELECT pg_backend_pid()");
        object? own;
        await using (var connection = await database.OpenSessionConnectionAsync(CancellationToken.None))
        {
            await using var command = new NpgsqlCommand("SET application_name = 'own-session'; SELECT pg_backend_pid()", connection);
            own = await command.ExecuteScalarAsync();
        }

        Assert.NotEqual(pooled, own);
        Assert.Equal(pooled, await ExecuteAsync(database.DataSource, "SELECT pg_backend_pid()"));
        Assert.Equal("tgeswarm", await ExecuteAsync(database.DataSource, "SHOW application_name"));
    }

    private static string OneSession(bool? noResetOnClose = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresTestEnvironment.ConnectionString) { MaxPoolSize = 1 };
        if (noResetOnClose is { } value)
        {
            builder.NoResetOnClose = value;
        }

        return builder.ConnectionString;
    }

    private static async Task<object?> ExecuteAsync(NpgsqlDataSource dataSource, string sql, string? parameter = null)
    {
        await using var command = dataSource.CreateCommand(sql);
        if (parameter is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = parameter });
        }

        return await command.ExecuteScalarAsync();
    }
}
