using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Membership;
using TgeSwarm.Runtime.Postgres.Membership;
using TgeSwarm.Runtime.Tests.Membership;

namespace TgeSwarm.Runtime.Postgres.Tests.Membership;

/// <summary>
/// The membership table contract on PostgreSQL, in the test database's default schema (migrated concurrently with
/// other classes, as silos would); each test's cluster ids are its own and their rows are deleted afterwards.
/// PostgreSQL keeps times to the microsecond.
/// </summary>
public sealed class PostgresMembershipTableTests : MembershipTableContract, IAsyncLifetime
{
    private readonly PostgresDatabases _databases = new(NullLoggerFactory.Instance);
    private readonly List<string> _clusterIds = [];

    protected override TimeSpan TimeResolution => TimeSpan.FromMicroseconds(1);

    protected override Task<IMembershipTable> CreateTableAsync(string clusterId)
    {
        _clusterIds.Add(clusterId);
        return Task.FromResult<IMembershipTable>(new PostgresMembershipTable(
            _databases.Get(PostgresTestEnvironment.ConnectionString),
            clusterId,
            new PostgresClusteringOptions(),
            TimeProvider.System,
            NullLogger<PostgresMembershipTable>.Instance));
    }

    protected override IAsyncEnumerable<int> Watch(IMembershipTable table, Action<int> onListening, CancellationToken cancellationToken) =>
        ((PostgresMembershipTable)table).WatchAsync(onListening, cancellationToken);

    [Fact]
    public async Task Rows_and_versions_of_other_clusters_are_invisible_and_untouched()
    {
        var ours = await NewTableAsync();
        var theirs = await NewTableAsync();
        Assert.True(await theirs.InsertRowAsync(Entry(11111), new TableVersion(1, "0"), CancellationToken.None));
        Assert.True(await theirs.InsertRowAsync(Entry(22222), new TableVersion(2, "1"), CancellationToken.None));

        Assert.True(await ours.InsertRowAsync(Entry(11111), new TableVersion(1, "0"), CancellationToken.None));
        await ours.DeleteMembershipTableEntriesAsync(CancellationToken.None);

        var theirData = await theirs.ReadAllAsync(CancellationToken.None);
        Assert.Equal(2, theirData.Version.Version);
        Assert.Equal(2, theirData.Members.Count);
        Assert.Equal(2, (await ours.ReadAllAsync(CancellationToken.None)).Version.Version);
    }

    [Fact]
    public async Task Initializing_twice_keeps_the_version()
    {
        var table = await NewTableAsync();
        Assert.True(await table.InsertRowAsync(Entry(11111), new TableVersion(1, "0"), CancellationToken.None));

        await table.InitializeAsync(CancellationToken.None);

        Assert.Equal(1, (await table.ReadAllAsync(CancellationToken.None)).Version.Version);
    }

    [Fact]
    public async Task A_silo_with_default_times_and_an_IPv6_endpoint_round_trips()
    {
        var table = await NewTableAsync();
        var entry = new MembershipEntry
        {
            SiloAddress = new SiloAddress(new System.Net.IPEndPoint(System.Net.IPAddress.IPv6Loopback, 11111), 1),
            Status = SiloStatus.Created,
        };

        Assert.True(await table.InsertRowAsync(entry, new TableVersion(1, "0"), CancellationToken.None));

        var read = Assert.Single((await table.ReadAllAsync(CancellationToken.None)).Members).Entry;
        Assert.Equal(entry.SiloAddress, read.SiloAddress);
        Assert.Equal(entry.StartTime, read.StartTime);
        Assert.Equal(entry.IAmAliveTime, read.IAmAliveTime);
        Assert.Empty(read.SuspectTimes);
    }

    [Fact]
    public async Task A_row_whose_suspect_times_are_not_votes_fails_the_read_naming_the_silo()
    {
        var table = await NewTableAsync();
        var entry = Entry(11111);
        Assert.True(await table.InsertRowAsync(entry, new TableVersion(1, "0"), CancellationToken.None));
        await using (var dataSource = NpgsqlDataSource.Create(PostgresTestEnvironment.ConnectionString))
        await using (var command = dataSource.CreateCommand("UPDATE swarm_membership SET suspect_times = '[{\"voter\": 5}]' WHERE cluster_id = $1"))
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _clusterIds[^1] });
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var error = await Assert.ThrowsAsync<FormatException>(() => table.ReadAllAsync(CancellationToken.None));

        Assert.Contains($"Membership row of {entry.SiloAddress} in cluster '{_clusterIds[^1]}'", error.Message, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_clusterIds.Count == 0)
        {
            await _databases.DisposeAsync();
            return;
        }

        await using (var dataSource = NpgsqlDataSource.Create(PostgresTestEnvironment.ConnectionString))
        {
            foreach (var table in new[] { "swarm_membership", "swarm_membership_version" })
            {
                await using var command = dataSource.CreateCommand($"DELETE FROM {table} WHERE cluster_id = ANY($1)");
                command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. _clusterIds] });
                await command.ExecuteNonQueryAsync();
            }
        }

        await _databases.DisposeAsync();
    }
}
