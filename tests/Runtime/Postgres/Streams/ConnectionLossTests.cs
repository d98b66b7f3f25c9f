using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TgeSwarm.Runtime.Postgres.Streams;
using static TgeSwarm.Runtime.Postgres.Tests.Streams.QueueTestData;

namespace TgeSwarm.Runtime.Postgres.Tests.Streams;

public sealed class ConnectionLossTests : IAsyncLifetime
{
    private StreamStore _store = null!;

    public async Task InitializeAsync() => _store = await StreamStore.CreateAsync();

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task An_enqueue_whose_session_is_killed_throws_an_NpgsqlException_writes_nothing_and_the_next_one_works()
    {
        // Hold the head row so the enqueue is certainly in flight, on the server, when its session dies.
        await using var blocker = await _store.Schema.DataSource.OpenConnectionAsync();
        await using (var create = new NpgsqlCommand(
            "INSERT INTO stream_queue_head (service_id, provider, queue_id, next_seq) VALUES ($1, $2, 0, 1)", blocker))
        {
            create.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _store.Store.ServiceId });
            create.Parameters.Add(new NpgsqlParameter<string> { TypedValue = StreamStore.Provider });
            await create.ExecuteNonQueryAsync();
        }

        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand("SELECT next_seq FROM stream_queue_head FOR UPDATE", blocker, transaction))
        {
            await hold.ExecuteScalarAsync();
        }

        var doomed = _store.Store.EnqueueAsync(StreamStore.Provider, 0, [Batch("k", "lost")], CancellationToken.None);
        var pid = await StreamTestWaits.UntilBlockedOnLockAsync(_store, "the enqueue to wait for the held head row");
        await using (var kill = _store.Schema.DataSource.CreateCommand("SELECT pg_terminate_backend($1)"))
        {
            kill.Parameters.Add(new NpgsqlParameter<int> { TypedValue = pid });
            Assert.Equal(true, await kill.ExecuteScalarAsync());
        }

        await Assert.ThrowsAnyAsync<NpgsqlException>(() => doomed.WaitAsync(TimeSpan.FromSeconds(30)));
        await transaction.RollbackAsync();

        Assert.Equal(0, await _store.Store.GetHeadAsync(StreamStore.Provider, 0, CancellationToken.None));
        Assert.Equal(0L, await _store.Schema.ScalarAsync<long>("SELECT count(*) FROM stream_queue"));
        Assert.Equal(new QueueSeqRange(1, 1), await _store.Store.EnqueueAsync(StreamStore.Provider, 0, [Batch("k", "kept")], CancellationToken.None));
    }

    [Fact]
    public async Task Against_an_unreachable_server_every_call_throws_an_NpgsqlException_instead_of_hanging()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresTestEnvironment.ConnectionString) { Port = ClosedPort(), Timeout = 5 }.ConnectionString;
        await using var databases = new PostgresDatabases(NullLoggerFactory.Instance);
        var store = new PostgresStreamQueueStore(databases.Get(connectionString), "svc", TimeProvider.System, NullLogger<PostgresStreamQueueStore>.Instance);

        await Assert.ThrowsAnyAsync<NpgsqlException>(() =>
            store.EnqueueAsync(StreamStore.Provider, 0, [Batch("k", "x")], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
        await Assert.ThrowsAnyAsync<NpgsqlException>(() =>
            store.ReadAsync(StreamStore.Provider, 0, 0, 10, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
        await Assert.ThrowsAnyAsync<NpgsqlException>(() =>
            store.SaveCheckpointAsync(StreamStore.Provider, 0, 0, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));
    }

    // A port that was just free on loopback: nothing listens there, so a connect is refused at once.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
