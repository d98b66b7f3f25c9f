using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Membership;
using TgeSwarm.Runtime.Postgres.Membership;

namespace TgeSwarm.Runtime.Postgres.Tests.Membership;

/// <summary>
/// LISTEN/NOTIFY across connections: tables on separate pools (as on separate silos), other clusters' notifications,
/// and a listening connection killed by the server.
/// </summary>
public sealed class PostgresMembershipChangeFeedTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    // Two pools: tables made from different ones share no connection, like two silos.
    private readonly PostgresDatabases _silo1 = new(NullLoggerFactory.Instance);
    private readonly PostgresDatabases _silo2 = new(NullLoggerFactory.Instance);
    private readonly List<string> _clusterIds = [];

    [Fact]
    public async Task A_table_on_another_pool_hears_the_change_the_first_table_wrote()
    {
        var clusterId = NewClusterId();
        var writer = await CreateAsync(_silo1, clusterId);
        var reader = await CreateAsync(_silo2, clusterId);
        await using var watch = await Watch.StartAsync(reader);

        Assert.True(await writer.InsertRowAsync(Entry(11111), new TableVersion(1, "0"), CancellationToken.None));

        Assert.Equal(1, await watch.NextAsync("the other table's insert"));
    }

    [Fact]
    public async Task Notifications_of_another_cluster_are_ignored()
    {
        var ours = await CreateAsync(_silo1, NewClusterId());
        var theirs = await CreateAsync(_silo2, NewClusterId());
        for (var version = 1; version <= 5; version++)
        {
            Assert.True(await ours.InsertRowAsync(Entry(10000 + version), new TableVersion(version, ""), CancellationToken.None));
        }

        await using var watch = await Watch.StartAsync(ours);
        for (var version = 1; version <= 3; version++)
        {
            Assert.True(await theirs.InsertRowAsync(Entry(10000 + version), new TableVersion(version, ""), CancellationToken.None));
        }

        Assert.True(await ours.InsertRowAsync(Entry(20000), new TableVersion(6, ""), CancellationToken.None));

        // Had the other cluster's 1..3 been taken for ours, they would have come first.
        Assert.Equal(6, await watch.NextAsync("our insert"));
    }

    [Fact]
    public async Task A_terminated_listen_connection_is_replaced_and_the_feed_goes_on()
    {
        var logger = new RecordingLogger<PostgresMembershipTable>();
        var table = await CreateAsync(_silo1, NewClusterId(), new PostgresClusteringOptions { ListenReconnectDelay = TimeSpan.FromMilliseconds(10) }, logger: logger);
        await using var watch = await Watch.StartAsync(table);

        await TerminateAsync(watch.ListenerProcessId);
        var resumedOn = await watch.NextListenAsync("the feed to listen again");
        Assert.True(await table.InsertRowAsync(Entry(11111), new TableVersion(1, "0"), CancellationToken.None));

        // Nothing changed while it was away, so the first version after the reconnect is the insert's.
        Assert.Equal(1, await watch.NextAsync("the insert after the reconnect"));
        Assert.NotEqual(watch.ListenerProcessId, resumedOn);
        Assert.Equal(1, logger.Count(PostgresEventIds.MembershipListenFailed));
        Assert.Equal(1, logger.Count(PostgresEventIds.MembershipListenResumed));
    }

    [Fact]
    public async Task A_change_made_while_the_feed_was_disconnected_is_handed_out_when_it_reconnects()
    {
        var clock = new GatedTimeProvider();
        var options = new PostgresClusteringOptions { ListenReconnectDelay = TimeSpan.FromSeconds(1), ListenReconnectMaxDelay = TimeSpan.FromSeconds(8) };
        var table = await CreateAsync(_silo1, NewClusterId(), options, clock);
        await using var watch = await Watch.StartAsync(table);

        await TerminateAsync(watch.ListenerProcessId);
        var backoff = await clock.NextTimerAsync("the reconnect backoff");
        Assert.True(await table.InsertRowAsync(Entry(11111), new TableVersion(1, "0"), CancellationToken.None));
        backoff.Fire();

        Assert.Equal(1, await watch.NextAsync("the reconnect"));
        Assert.Equal(TimeSpan.FromSeconds(1), backoff.DueTime);
        Assert.True(await table.InsertRowAsync(Entry(22222), new TableVersion(2, "1"), CancellationToken.None));
        Assert.Equal(2, await watch.NextAsync("the insert after the reconnect"));
    }

    [Fact]
    public async Task Reconnect_attempts_back_off_doubling_up_to_the_maximum()
    {
        var clock = new GatedTimeProvider();
        var logger = new RecordingLogger<PostgresMembershipTable>();
        var options = new PostgresClusteringOptions { ListenReconnectDelay = TimeSpan.FromSeconds(1), ListenReconnectMaxDelay = TimeSpan.FromSeconds(3) };

        // Nothing listens on port 1 of loopback: every attempt is refused at once.
        var unreachable = new NpgsqlConnectionStringBuilder(PostgresTestEnvironment.ConnectionString) { Port = 1 }.ConnectionString;
        var table = new PostgresMembershipTable(_silo1.Get(unreachable), NewClusterId(), options, clock, logger);
        using var stop = new CancellationTokenSource();
        var enumerator = table.WatchAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        var next = enumerator.MoveNextAsync().AsTask();

        var delays = new List<TimeSpan>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var timer = await clock.NextTimerAsync($"backoff {attempt}");
            delays.Add(timer.DueTime);
            timer.Fire();
        }

        await clock.NextTimerAsync("the fifth backoff");
        await stop.CancelAsync();
        Assert.False(await next.WaitAsync(Bound));
        await enumerator.DisposeAsync();
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)], delays);
        Assert.Equal(5, logger.Count(PostgresEventIds.MembershipListenFailed));
    }

    [Fact]
    public async Task The_listen_session_is_never_a_pooled_one_and_ends_with_the_watch()
    {
        var database = _silo1.Get(PostgresTestEnvironment.ConnectionString);
        var table = await CreateAsync(_silo1, NewClusterId());
        var watch = await Watch.StartAsync(table);
        var listener = watch.ListenerProcessId;
        try
        {
            // The pool's sessions are not reset when they come back to it, so a LISTEN on one of them would follow it
            // to the next borrower. None of them is the listening session, while it listens or after.
            await AssertNoPooledSessionListensAsync(database, listener);
        }
        finally
        {
            await watch.DisposeAsync();
        }

        await WaitUntilGoneAsync(listener);
        await AssertNoPooledSessionListensAsync(database, listener);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_clusterIds.Count > 0)
        {
            await using var dataSource = NpgsqlDataSource.Create(PostgresTestEnvironment.ConnectionString);
            foreach (var table in new[] { "swarm_membership", "swarm_membership_version" })
            {
                await using var command = dataSource.CreateCommand($"DELETE FROM {table} WHERE cluster_id = ANY($1)");
                command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. _clusterIds] });
                await command.ExecuteNonQueryAsync();
            }
        }

        await _silo1.DisposeAsync();
        await _silo2.DisposeAsync();
    }

    private string NewClusterId()
    {
        var clusterId = "test-" + Guid.NewGuid().ToString("N");
        _clusterIds.Add(clusterId);
        return clusterId;
    }

    private static async Task<PostgresMembershipTable> CreateAsync(
        PostgresDatabases databases,
        string clusterId,
        PostgresClusteringOptions? options = null,
        TimeProvider? timeProvider = null,
        RecordingLogger<PostgresMembershipTable>? logger = null)
    {
        var table = new PostgresMembershipTable(
            databases.Get(PostgresTestEnvironment.ConnectionString),
            clusterId,
            options ?? new PostgresClusteringOptions(),
            timeProvider ?? TimeProvider.System,
            (Microsoft.Extensions.Logging.ILogger<PostgresMembershipTable>?)logger ?? NullLogger<PostgresMembershipTable>.Instance);
        await table.InitializeAsync(CancellationToken.None);
        return table;
    }

    // Borrows several pooled sessions at once (so not just the same idle one each time) and asks each what it is.
    private static async Task AssertNoPooledSessionListensAsync(PostgresDatabase database, int listener)
    {
        var connections = new List<NpgsqlConnection>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                var connection = await database.DataSource.OpenConnectionAsync();
                connections.Add(connection);
                await using var command = new NpgsqlCommand("SELECT pg_backend_pid(), (SELECT count(*) FROM pg_listening_channels())", connection);
                await using var reader = await command.ExecuteReaderAsync();
                Assert.True(await reader.ReadAsync());
                Assert.NotEqual(listener, reader.GetInt32(0));
                Assert.Equal(0L, reader.GetInt64(1));
            }
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    // Closing an unpooled connection ends its backend, but the backend exits after the close returns: poll, bounded.
    private static async Task WaitUntilGoneAsync(int processId)
    {
        await using var dataSource = NpgsqlDataSource.Create(PostgresTestEnvironment.ConnectionString);
        var deadline = DateTime.UtcNow + Bound;
        while (true)
        {
            await using var command = dataSource.CreateCommand("SELECT count(*) FROM pg_stat_activity WHERE pid = $1");
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = processId });
            if ((long)(await command.ExecuteScalarAsync())! == 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Backend {processId} still exists {Bound} after its connection was closed.");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    private static async Task TerminateAsync(int processId)
    {
        await using var dataSource = NpgsqlDataSource.Create(PostgresTestEnvironment.ConnectionString);
        await using var command = dataSource.CreateCommand("SELECT pg_terminate_backend($1)");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = processId });
        Assert.Equal(true, await command.ExecuteScalarAsync());
    }

    private static MembershipEntry Entry(int port) => new()
    {
        SiloAddress = new SiloAddress(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port), 1),
        Status = SiloStatus.Active,
    };

    /// <summary>A started watch with its next read pending, and the backends it listened on.</summary>
    private sealed class Watch : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly System.Threading.Channels.Channel<int> _listens = System.Threading.Channels.Channel.CreateUnbounded<int>();
        private readonly IAsyncEnumerator<int> _enumerator;
        private Task<bool> _next;

        private Watch(PostgresMembershipTable table)
        {
            _enumerator = table.WatchAsync(pid => _listens.Writer.TryWrite(pid), _stop.Token).GetAsyncEnumerator(_stop.Token);
            _next = _enumerator.MoveNextAsync().AsTask();
        }

        public int ListenerProcessId { get; private set; }

        public static async Task<Watch> StartAsync(PostgresMembershipTable table)
        {
            var watch = new Watch(table);
            watch.ListenerProcessId = await watch.NextListenAsync("the feed to listen");
            return watch;
        }

        public Task<int> NextListenAsync(string phase) => BoundedAsync(_listens.Reader.ReadAsync().AsTask(), phase);

        public async Task<int> NextAsync(string phase)
        {
            Assert.True(await BoundedAsync(_next, $"the feed to yield after {phase}"), $"The feed ended before {phase}.");
            var version = _enumerator.Current;
            _next = _enumerator.MoveNextAsync().AsTask();
            return version;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try
            {
                await BoundedAsync(_next, "the feed to stop");
            }
            finally
            {
                await _enumerator.DisposeAsync();
                _stop.Dispose();
            }
        }

        private static async Task<T> BoundedAsync<T>(Task<T> task, string phase)
        {
            try
            {
                return await task.WaitAsync(Bound);
            }
            catch (TimeoutException) when (!task.IsCompleted)
            {
                throw new TimeoutException($"Timed out after {Bound} waiting for {phase}.");
            }
        }
    }
}
