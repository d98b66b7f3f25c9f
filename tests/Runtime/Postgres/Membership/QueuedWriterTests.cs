using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Membership;
using TgeSwarm.Runtime.Postgres.Membership;

namespace TgeSwarm.Runtime.Postgres.Tests.Membership;

/// <summary>
/// Races made certain: a transaction of the test holds the cluster's version row while ten writers run, so every
/// writer has taken its snapshot before the lock is released and the database must decide between them (the
/// contract's racing test only makes such overlap likely).
/// </summary>
public sealed class QueuedWriterTests : IAsyncLifetime
{
    private const int Writers = 10;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private readonly PostgresDatabases _databases = new(NullLoggerFactory.Instance);
    private readonly string _clusterId = "test-" + Guid.NewGuid().ToString("N");
    private readonly string _applicationName = "queued-" + Guid.NewGuid().ToString("N");
    private readonly NpgsqlDataSource _admin = NpgsqlDataSource.Create(PostgresTestEnvironment.ConnectionString);
    private PostgresMembershipTable _table = null!;

    public async Task InitializeAsync()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresTestEnvironment.ConnectionString) { ApplicationName = _applicationName };
        _table = new PostgresMembershipTable(
            _databases.Get(connectionString.ConnectionString), _clusterId, new PostgresClusteringOptions(), TimeProvider.System,
            NullLogger<PostgresMembershipTable>.Instance);
        await _table.InitializeAsync(CancellationToken.None);
        Assert.True(await _table.InsertRowAsync(Entry("inserted"), new TableVersion(1, "0"), CancellationToken.None));
    }

    [Fact]
    public async Task Of_ten_updates_queued_on_the_version_lock_with_the_same_version_exactly_one_wins()
    {
        var before = await _table.ReadAllAsync(CancellationToken.None);
        await using var connection = await _admin.OpenConnectionAsync();
        await using var blocker = await LockVersionRowAsync(connection);

        var writes = StartWriters(w => _table.UpdateRowAsync(Entry($"writer {w}"), before.Members[0].Etag, before.Version.Next(), CancellationToken.None));
        await WaitUntilQueuedAsync();
        await blocker.RollbackAsync();

        var results = await Task.WhenAll(writes).WaitAsync(Bound);
        var winner = Assert.Single(Enumerable.Range(0, Writers), w => results[w]);
        var after = await _table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(2, after.Version.Version);
        Assert.Equal($"writer {winner}", after.Members[0].Entry.DeathReason);
    }

    [Fact]
    public async Task Updates_claiming_the_version_of_a_change_still_in_flight_are_refused_without_waiting_for_it()
    {
        var before = await _table.ReadAllAsync(CancellationToken.None);

        // The competitor: a change of the row at version 2, in flight while the writers queue.
        await using var connection = await _admin.OpenConnectionAsync();
        await using var blocker = await LockVersionRowAsync(connection);
        foreach (var sql in new[]
        {
            "UPDATE swarm_membership_version SET version = 2 WHERE cluster_id = $1",
            "UPDATE swarm_membership SET etag = 2, death_reason = 'competitor' WHERE cluster_id = $1",
        })
        {
            await using var change = new NpgsqlCommand(sql, connection, blocker);
            change.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _clusterId });
            Assert.Equal(1, await change.ExecuteNonQueryAsync());
        }

        // Each writer claims version 3, which is right once the competitor commits, but holds the etag it replaced.
        // Their snapshot has version 1, so they do not even wait for the competitor's lock.
        var writes = StartWriters(w => _table.UpdateRowAsync(Entry($"writer {w}"), before.Members[0].Etag, new TableVersion(3, "2"), CancellationToken.None));
        var results = await Task.WhenAll(writes).WaitAsync(Bound);
        await blocker.CommitAsync();

        var after = await _table.ReadAllAsync(CancellationToken.None);
        Assert.All(results, Assert.False);
        Assert.Equal(2, after.Version.Version);
        Assert.Equal("competitor", after.Members[0].Entry.DeathReason);
    }

    public async Task DisposeAsync()
    {
        foreach (var table in new[] { "swarm_membership", "swarm_membership_version" })
        {
            await using var command = _admin.CreateCommand($"DELETE FROM {table} WHERE cluster_id = $1");
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _clusterId });
            await command.ExecuteNonQueryAsync();
        }

        await _admin.DisposeAsync();
        await _databases.DisposeAsync();
    }

    private static MembershipEntry Entry(string deathReason) => new()
    {
        SiloAddress = SiloAddress.Parse("S127.0.0.1:11111:1"),
        Status = SiloStatus.Active,
        DeathReason = deathReason,
    };

    private static Task<bool>[] StartWriters(Func<int, Task<bool>> write) =>
        [.. Enumerable.Range(0, Writers).Select(w => Task.Run(() => write(w)))];

    /// <summary>An open transaction holding the cluster's version row; disposing it without commit rolls back.</summary>
    private async Task<NpgsqlTransaction> LockVersionRowAsync(NpgsqlConnection connection)
    {
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("SELECT version FROM swarm_membership_version WHERE cluster_id = $1 FOR UPDATE", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _clusterId });
        Assert.Equal(1, await command.ExecuteScalarAsync());
        return transaction;
    }

    // Polling is the only way to see another session wait on a lock; bounded, and short-interval.
    private async Task WaitUntilQueuedAsync()
    {
        await using var command = _admin.CreateCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _applicationName });
        var deadline = DateTime.UtcNow + Bound;
        long queued;
        while ((queued = (long)(await command.ExecuteScalarAsync())!) < Writers)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {Bound} waiting for {Writers} writers to queue on the version row; {queued} did.");
            }

            await Task.Delay(10);
        }
    }
}
