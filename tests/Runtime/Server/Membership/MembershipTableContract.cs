using System.Net;
using TgeSwarm.Runtime.Membership;

namespace TgeSwarm.Runtime.Tests.Membership;

/// <summary>
/// What every <see cref="IMembershipTable"/> and its <see cref="IMembershipTableChangeFeed"/> must do, run once per
/// provider by a subclass. Each test works on a fresh cluster id, so providers backed by a shared database never see
/// another test's rows. The file is compiled into the Server and the PostgreSQL test assemblies (the latter links it),
/// so it may use only Core types.
/// </summary>
public abstract class MembershipTableContract
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 18, 0, 0, TimeSpan.Zero);

    /// <summary>How finely the provider keeps times; what it returns equals what was written, truncated to this.</summary>
    protected abstract TimeSpan TimeResolution { get; }

    /// <summary>A table for <paramref name="clusterId"/>, not yet initialized, that also implements the change feed.</summary>
    protected abstract Task<IMembershipTable> CreateTableAsync(string clusterId);

    /// <summary>
    /// The table's change feed; <paramref name="onListening"/> is called once the feed would hear a change made now
    /// (the enumeration has started and, for a connection-backed feed, listens).
    /// </summary>
    protected abstract IAsyncEnumerable<int> Watch(IMembershipTable table, Action<int> onListening, CancellationToken cancellationToken);

    [Fact]
    public async Task A_new_table_is_empty_at_version_zero()
    {
        var table = await NewTableAsync();

        var data = await table.ReadAllAsync(CancellationToken.None);

        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
    }

    [Fact]
    public async Task An_inserted_row_reads_back_whole_with_the_new_version()
    {
        var table = await NewTableAsync();
        var entry = Entry(11111) with { ProxyPort = 30000, SiloName = "silo-a", HostName = "host-a", StartTime = Now.AddMinutes(-1) };

        Assert.True(await table.InsertRowAsync(entry, new TableVersion(1, "0"), CancellationToken.None));

        var all = await table.ReadAllAsync(CancellationToken.None);
        var one = await table.ReadRowAsync(entry.SiloAddress, CancellationToken.None);
        Assert.Equal(1, all.Version.Version);
        AssertSame(entry, Assert.Single(all.Members).Entry);
        Assert.Equal(1, one.Version.Version);
        Assert.Equal(Assert.Single(all.Members).Etag, Assert.Single(one.Members).Etag);
        AssertSame(entry, one.Find(entry.SiloAddress)!.Entry);
    }

    [Fact]
    public async Task Reading_a_missing_row_returns_no_row_and_the_current_version()
    {
        var table = await NewTableAsync();
        Assert.True(await table.InsertRowAsync(Entry(11111), new TableVersion(1, "0"), CancellationToken.None));

        var data = await table.ReadRowAsync(Entry(22222).SiloAddress, CancellationToken.None);

        Assert.Empty(data.Members);
        Assert.Equal(1, data.Version.Version);
    }

    [Fact]
    public async Task A_second_insert_of_the_same_silo_is_refused_and_changes_nothing()
    {
        var table = await NewTableAsync();
        var entry = Entry(11111);
        Assert.True(await table.InsertRowAsync(entry, new TableVersion(1, "0"), CancellationToken.None));

        var again = await table.InsertRowAsync(entry with { SiloName = "impostor" }, new TableVersion(2, "1"), CancellationToken.None);

        var data = await table.ReadAllAsync(CancellationToken.None);
        Assert.False(again);
        Assert.Equal(1, data.Version.Version);
        AssertSame(entry, Assert.Single(data.Members).Entry);
    }

    [Fact]
    public async Task A_restarted_silo_on_the_same_endpoint_is_a_new_row()
    {
        var table = await NewTableAsync();
        var first = Entry(11111, generation: 100) with { Status = SiloStatus.Dead };
        var second = Entry(11111, generation: 101);

        Assert.True(await table.InsertRowAsync(first, new TableVersion(1, "0"), CancellationToken.None));
        Assert.True(await table.InsertRowAsync(second, new TableVersion(2, "1"), CancellationToken.None));

        var data = await table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(2, data.Members.Count);
        Assert.Equal(SiloStatus.Dead, data.Find(first.SiloAddress)!.Entry.Status);
        Assert.Equal(SiloStatus.Active, data.Find(second.SiloAddress)!.Entry.Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(5)]
    public async Task An_insert_whose_version_is_not_the_stored_one_plus_one_is_refused(int version)
    {
        var table = await NewTableAsync();

        var inserted = await table.InsertRowAsync(Entry(11111), new TableVersion(version, "x"), CancellationToken.None);

        var data = await table.ReadAllAsync(CancellationToken.None);
        Assert.False(inserted);
        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
    }

    [Fact]
    public async Task An_update_with_the_current_etag_and_next_version_replaces_the_row_and_its_etag()
    {
        var table = await NewTableAsync();
        var entry = Entry(11111) with { Status = SiloStatus.Joining };
        Assert.True(await table.InsertRowAsync(entry, new TableVersion(1, "0"), CancellationToken.None));
        var read = await table.ReadAllAsync(CancellationToken.None);
        var active = entry with { Status = SiloStatus.Active, IAmAliveTime = Now.AddSeconds(5) };

        Assert.True(await table.UpdateRowAsync(active, read.Members[0].Etag, read.Version.Next(), CancellationToken.None));

        var data = await table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(2, data.Version.Version);
        AssertSame(active, Assert.Single(data.Members).Entry);
        Assert.NotEqual(read.Members[0].Etag, data.Members[0].Etag);
    }

    [Fact]
    public async Task An_update_with_a_stale_etag_is_refused_and_changes_nothing()
    {
        var table = await NewTableAsync();
        var a = Entry(11111);
        Assert.True(await table.InsertRowAsync(a, new TableVersion(1, "0"), CancellationToken.None));
        var stale = (await table.ReadAllAsync(CancellationToken.None)).Members[0].Etag;
        var current = await UpdateAsync(table, a with { Status = SiloStatus.ShuttingDown });

        var updated = await table.UpdateRowAsync(a with { Status = SiloStatus.Dead }, stale, current.Version.Next(), CancellationToken.None);

        var data = await table.ReadAllAsync(CancellationToken.None);
        Assert.False(updated);
        Assert.Equal(current.Version, data.Version);
        Assert.Equal(SiloStatus.ShuttingDown, data.Members[0].Entry.Status);
        Assert.Equal(current.Members[0].Etag, data.Members[0].Etag);
    }

    [Fact]
    public async Task An_update_with_a_stale_version_is_refused_and_changes_nothing()
    {
        var table = await NewTableAsync();
        var a = Entry(11111);
        var b = Entry(22222);
        Assert.True(await table.InsertRowAsync(a, new TableVersion(1, "0"), CancellationToken.None));
        var stale = await table.ReadAllAsync(CancellationToken.None);
        Assert.True(await table.InsertRowAsync(b, stale.Version.Next(), CancellationToken.None));

        // a's etag is still current; only the version moved (another silo's row changed).
        var updated = await table.UpdateRowAsync(a with { Status = SiloStatus.Dead }, stale.Members[0].Etag, stale.Version.Next(), CancellationToken.None);

        var data = await table.ReadAllAsync(CancellationToken.None);
        Assert.False(updated);
        Assert.Equal(2, data.Version.Version);
        Assert.Equal(SiloStatus.Active, data.Find(a.SiloAddress)!.Entry.Status);
        Assert.Equal(stale.Members[0].Etag, data.Find(a.SiloAddress)!.Etag);
    }

    [Fact]
    public async Task An_update_of_a_missing_row_is_refused()
    {
        var table = await NewTableAsync();

        var updated = await table.UpdateRowAsync(Entry(11111), "0", new TableVersion(1, "0"), CancellationToken.None);

        var data = await table.ReadAllAsync(CancellationToken.None);
        Assert.False(updated);
        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
    }

    [Fact]
    public async Task Of_ten_concurrent_updates_with_the_same_version_and_etag_exactly_one_wins_every_round()
    {
        const int Writers = 10;
        const int Rounds = 10;
        var table = await NewTableAsync();
        var entry = Entry(11111);
        Assert.True(await table.InsertRowAsync(entry, new TableVersion(1, "0"), CancellationToken.None));

        for (var round = 0; round < Rounds; round++)
        {
            var before = await table.ReadAllAsync(CancellationToken.None);
            var candidates = Enumerable.Range(0, Writers).Select(w => entry with { DeathReason = $"round {round} writer {w}" }).ToArray();
            var results = await RaceAsync(Writers, w => table.UpdateRowAsync(candidates[w], before.Members[0].Etag, before.Version.Next(), CancellationToken.None));

            var winner = Assert.Single(Enumerable.Range(0, Writers), w => results[w]);
            var after = await table.ReadAllAsync(CancellationToken.None);
            Assert.Equal(before.Version.Version + 1, after.Version.Version);
            AssertSame(candidates[winner], Assert.Single(after.Members).Entry);
        }
    }

    [Fact]
    public async Task Of_ten_concurrent_inserts_with_the_same_version_exactly_one_wins_every_round()
    {
        const int Writers = 10;
        const int Rounds = 10;
        var table = await NewTableAsync();

        for (var round = 0; round < Rounds; round++)
        {
            var version = (await table.ReadAllAsync(CancellationToken.None)).Version.Next();
            var candidates = Enumerable.Range(0, Writers).Select(w => Entry(10000 + (round * Writers) + w)).ToArray();
            var results = await RaceAsync(Writers, w => table.InsertRowAsync(candidates[w], version, CancellationToken.None));

            var winner = Assert.Single(Enumerable.Range(0, Writers), w => results[w]);
            var after = await table.ReadAllAsync(CancellationToken.None);
            Assert.Equal(version.Version, after.Version.Version);
            Assert.Equal(round + 1, after.Members.Count);
            Assert.NotNull(after.Find(candidates[winner].SiloAddress));
        }
    }

    [Fact]
    public async Task IAmAlive_changes_the_time_but_neither_the_etag_nor_the_version()
    {
        var table = await NewTableAsync();
        var entry = Entry(11111);
        Assert.True(await table.InsertRowAsync(entry, new TableVersion(1, "0"), CancellationToken.None));
        var before = await table.ReadAllAsync(CancellationToken.None);
        var later = Now.AddSeconds(30);

        await table.UpdateIAmAliveAsync(entry with { IAmAliveTime = later, Status = SiloStatus.Dead }, CancellationToken.None);

        var after = await table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Members[0].Etag, after.Members[0].Etag);
        Assert.Equal(later, after.Members[0].Entry.IAmAliveTime);
        AssertSame(entry with { IAmAliveTime = later }, after.Members[0].Entry);

        // The etag read before the IAmAlive write still wins an update.
        Assert.True(await table.UpdateRowAsync(entry, before.Members[0].Etag, after.Version.Next(), CancellationToken.None));
    }

    [Fact]
    public async Task IAmAlive_of_a_missing_row_changes_nothing()
    {
        var table = await NewTableAsync();

        await table.UpdateIAmAliveAsync(Entry(11111), CancellationToken.None);

        var data = await table.ReadAllAsync(CancellationToken.None);
        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
    }

    [Fact]
    public async Task A_dead_silo_reads_back_with_its_death_reason_and_suspect_votes_in_vote_order()
    {
        var table = await NewTableAsync();
        var entry = Entry(11111);
        Assert.True(await table.InsertRowAsync(entry, new TableVersion(1, "0"), CancellationToken.None));
        var etag = (await table.ReadAllAsync(CancellationToken.None)).Members[0].Etag;

        // Sub-microsecond ticks and a non-UTC offset: what comes back is the same instant, truncated to the provider's resolution.
        var votes = new[]
        {
            new SuspectVote(Silo(33333, 7), Now.AddTicks(1_234_567)),
            new SuspectVote(Silo(22222, 9), new DateTimeOffset(2026, 11, 21, 20, 0, 1, TimeSpan.FromHours(2)).AddTicks(5)),
            new SuspectVote(new SiloAddress(new IPEndPoint(IPAddress.IPv6Loopback, 44444), 3), Now.AddMilliseconds(-1)),
        };
        var dead = entry with
        {
            Status = SiloStatus.Dead,
            SuspectTimes = votes,
            DeathReason = "declared dead by S127.0.0.1:33333:7 and S127.0.0.1:22222:9: 3 missed probes",
            IAmAliveTime = Now.AddTicks(9),
        };

        Assert.True(await table.UpdateRowAsync(dead, etag, new TableVersion(2, "1"), CancellationToken.None));

        var read = Assert.Single((await table.ReadRowAsync(entry.SiloAddress, CancellationToken.None)).Members).Entry;
        AssertSame(dead, read);
        Assert.Equal(votes.Select(v => v.Voter), read.SuspectTimes.Select(v => v.Voter));
    }

    [Fact]
    public async Task Returned_and_passed_in_data_cannot_change_the_table()
    {
        var table = await NewTableAsync();
        var votes = new List<SuspectVote> { new(Silo(22222), Now) };
        Assert.True(await table.InsertRowAsync(Entry(11111) with { SuspectTimes = votes }, new TableVersion(1, "0"), CancellationToken.None));

        votes.Add(new SuspectVote(Silo(33333), Now));
        var first = await table.ReadAllAsync(CancellationToken.None);
        switch (first.Members[0].Entry.SuspectTimes)
        {
            case SuspectVote[] array:
                array[0] = new SuspectVote(Silo(55555), Now);
                break;
            case IList<SuspectVote> { IsReadOnly: false } list:
                list.Clear();
                break;
        }

        var second = await table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(Silo(22222), Assert.Single(second.Members[0].Entry.SuspectTimes).Voter);
    }

    [Fact]
    public async Task Cleanup_deletes_only_dead_rows_whose_IAmAlive_is_older_than_the_bound()
    {
        var table = await NewTableAsync();
        var bound = Now.AddDays(-7);
        var deadOld = Entry(11111) with { Status = SiloStatus.Dead, IAmAliveTime = bound.AddSeconds(-1) };
        var deadFresh = Entry(22222) with { Status = SiloStatus.Dead, IAmAliveTime = bound.AddSeconds(1) };
        var activeOld = Entry(33333) with { Status = SiloStatus.Active, IAmAliveTime = bound.AddDays(-1) };
        var stoppingOld = Entry(44444) with { Status = SiloStatus.Stopping, IAmAliveTime = bound.AddDays(-1) };
        var version = new TableVersion(0, "0");
        foreach (var entry in new[] { deadOld, deadFresh, activeOld, stoppingOld })
        {
            version = version.Next();
            Assert.True(await table.InsertRowAsync(entry, version, CancellationToken.None));
        }

        var deleted = await table.CleanupDefunctSiloEntriesAsync(bound, CancellationToken.None);
        var afterFirst = await table.ReadAllAsync(CancellationToken.None);
        var deletedAgain = await table.CleanupDefunctSiloEntriesAsync(bound, CancellationToken.None);
        var afterSecond = await table.ReadAllAsync(CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Equal(
            new[] { deadFresh, activeOld, stoppingOld }.Select(e => e.SiloAddress).Order(),
            afterFirst.Members.Select(m => m.Entry.SiloAddress).Order());
        Assert.Equal(5, afterFirst.Version.Version);
        Assert.Equal(0, deletedAgain);
        Assert.Equal(afterFirst.Version, afterSecond.Version);
    }

    [Fact]
    public async Task Delete_all_removes_every_row_and_moves_the_version_on()
    {
        var table = await NewTableAsync();
        Assert.True(await table.InsertRowAsync(Entry(11111), new TableVersion(1, "0"), CancellationToken.None));
        Assert.True(await table.InsertRowAsync(Entry(22222), new TableVersion(2, "1"), CancellationToken.None));

        await table.DeleteMembershipTableEntriesAsync(CancellationToken.None);

        var data = await table.ReadAllAsync(CancellationToken.None);
        Assert.Empty(data.Members);
        Assert.Equal(3, data.Version.Version);
        Assert.True(await table.InsertRowAsync(Entry(11111), data.Version.Next(), CancellationToken.None));
    }

    [Fact]
    public async Task The_change_feed_yields_the_version_after_each_change_but_not_after_IAmAlive()
    {
        var table = await NewTableAsync();
        await using var watch = await StartWatchAsync(table);
        var entry = Entry(11111) with { IAmAliveTime = Now.AddDays(-30) };

        Assert.True(await table.InsertRowAsync(entry, new TableVersion(1, "0"), CancellationToken.None));
        Assert.Equal(1, await watch.NextAsync("the insert"));

        // IAmAlive is no change: the next version the feed yields is the update's.
        await table.UpdateIAmAliveAsync(entry with { IAmAliveTime = Now.AddDays(-20) }, CancellationToken.None);
        var etag = (await table.ReadAllAsync(CancellationToken.None)).Members[0].Etag;
        Assert.True(await table.UpdateRowAsync(entry with { Status = SiloStatus.Dead }, etag, new TableVersion(2, "1"), CancellationToken.None));
        Assert.Equal(2, await watch.NextAsync("the update"));

        Assert.Equal(1, await table.CleanupDefunctSiloEntriesAsync(Now, CancellationToken.None));
        Assert.Equal(3, await watch.NextAsync("the cleanup"));

        await table.DeleteMembershipTableEntriesAsync(CancellationToken.None);
        Assert.Equal(4, await watch.NextAsync("the delete-all"));
    }

    [Fact]
    public async Task Two_watchers_each_see_every_change_and_a_refused_change_yields_nothing()
    {
        var table = await NewTableAsync();
        await using var first = await StartWatchAsync(table);
        await using var second = await StartWatchAsync(table);

        Assert.True(await table.InsertRowAsync(Entry(11111), new TableVersion(1, "0"), CancellationToken.None));
        Assert.False(await table.InsertRowAsync(Entry(11111), new TableVersion(2, "1"), CancellationToken.None));
        Assert.True(await table.InsertRowAsync(Entry(22222), new TableVersion(2, "1"), CancellationToken.None));

        // Coalescing may skip 1, never reorder or invent: each watcher ends at 2 having seen nothing else.
        Assert.Equal(2, await NextUntilAsync(first, 2));
        Assert.Equal(2, await NextUntilAsync(second, 2));
    }

    [Fact]
    public async Task Cancelling_a_watch_ends_it_without_an_exception()
    {
        var table = await NewTableAsync();
        using var stop = new CancellationTokenSource();
        await using var watch = await StartWatchAsync(table, stop.Token);

        await stop.CancelAsync();

        Assert.False(await watch.EndAsync());
    }

    /// <summary>A table on a fresh cluster id, initialized.</summary>
    protected async Task<IMembershipTable> NewTableAsync(string? clusterId = null)
    {
        var table = await CreateTableAsync(clusterId ?? "test-" + Guid.NewGuid().ToString("N"));
        await table.InitializeAsync(CancellationToken.None);
        return table;
    }

    /// <summary>Starts watching <paramref name="table"/> and returns once the feed listens.</summary>
    protected async Task<ChangeWatch> StartWatchAsync(IMembershipTable table, CancellationToken cancellationToken = default)
    {
        var watch = new ChangeWatch(this, table, cancellationToken);
        await watch.NextListenAsync("the change feed to listen");
        return watch;
    }

    /// <summary>Updates <paramref name="entry"/>'s row with the etag and version read just before; returns the table after.</summary>
    protected static async Task<MembershipTableData> UpdateAsync(IMembershipTable table, MembershipEntry entry)
    {
        var before = await table.ReadAllAsync(CancellationToken.None);
        var row = before.Find(entry.SiloAddress);
        Assert.NotNull(row);
        Assert.True(await table.UpdateRowAsync(entry, row.Etag, before.Version.Next(), CancellationToken.None));
        return await table.ReadAllAsync(CancellationToken.None);
    }

    protected static SiloAddress Silo(int port, int generation = 42) => new(new IPEndPoint(IPAddress.Loopback, port), generation);

    protected static MembershipEntry Entry(int port, int generation = 42) => new()
    {
        SiloAddress = Silo(port, generation),
        Status = SiloStatus.Active,
        SiloName = $"silo-{port}",
        HostName = "localhost",
        StartTime = Now.AddHours(-1),
        IAmAliveTime = Now,
    };

    protected static async Task<T> BoundedAsync<T>(Task<T> task, string phase)
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

    /// <summary>Reads the next versions until <paramref name="target"/>, each strictly above the one before it.</summary>
    protected static async Task<int> NextUntilAsync(ChangeWatch watch, int target)
    {
        var last = 0;
        while (last < target)
        {
            var version = await watch.NextAsync($"version {target}");
            Assert.True(version > last, $"The feed went from {last} to {version}.");
            last = version;
        }

        return last;
    }

    private void AssertSame(MembershipEntry expected, MembershipEntry actual)
    {
        Assert.Equal(expected.SiloAddress, actual.SiloAddress);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.SiloName, actual.SiloName);
        Assert.Equal(expected.HostName, actual.HostName);
        Assert.Equal(expected.ProxyPort, actual.ProxyPort);
        Assert.Equal(Truncate(expected.StartTime), actual.StartTime);
        Assert.Equal(Truncate(expected.IAmAliveTime), actual.IAmAliveTime);
        Assert.Equal(expected.DeathReason, actual.DeathReason);
        Assert.Equal(
            expected.SuspectTimes.Select(v => (v.Voter, Truncate(v.Time))),
            actual.SuspectTimes.Select(v => (v.Voter, v.Time)));
    }

    private DateTimeOffset Truncate(DateTimeOffset time) => time.AddTicks(-(time.UtcTicks % TimeResolution.Ticks));

    /// <summary>Runs <paramref name="writers"/> calls released at once, and returns each one's result.</summary>
    private static async Task<bool[]> RaceAsync(int writers, Func<int, Task<bool>> write)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            await start.Task;
            return await write(w);
        })).ToArray();
        start.SetResult();
        return await BoundedAsync(Task.WhenAll(tasks), $"{writers} racing writes");
    }

    /// <summary>
    /// A started watch: the enumeration with its next read always pending (so nothing is missed between reads), and
    /// the backend ids it listened on, in order.
    /// </summary>
    protected sealed class ChangeWatch : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop;
        private readonly System.Threading.Channels.Channel<int> _listens = System.Threading.Channels.Channel.CreateUnbounded<int>();
        private readonly IAsyncEnumerator<int> _enumerator;
        private Task<bool> _next;

        public ChangeWatch(MembershipTableContract contract, IMembershipTable table, CancellationToken cancellationToken)
        {
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _enumerator = contract.Watch(table, pid => _listens.Writer.TryWrite(pid), _stop.Token).GetAsyncEnumerator(_stop.Token);
            _next = _enumerator.MoveNextAsync().AsTask();
        }

        /// <summary>The backend the feed listened on next (0 for a feed without one).</summary>
        public Task<int> NextListenAsync(string phase) => BoundedAsync(_listens.Reader.ReadAsync().AsTask(), phase);

        public async Task<int> NextAsync(string phase)
        {
            Assert.True(await BoundedAsync(_next, $"the change feed to yield after {phase}"), $"The change feed ended before {phase}.");
            var version = _enumerator.Current;
            _next = _enumerator.MoveNextAsync().AsTask();
            return version;
        }

        /// <summary>Waits for the enumeration to end (its token was cancelled); false when it ended without an exception.</summary>
        public Task<bool> EndAsync() => BoundedAsync(_next, "the change feed to end");

        public async ValueTask DisposeAsync()
        {
            // An async iterator cannot be disposed while a MoveNextAsync is pending: stop it and let that finish first.
            await _stop.CancelAsync();
            try
            {
                await BoundedAsync(_next, "the change feed to stop");
            }
            finally
            {
                await _enumerator.DisposeAsync();
                _stop.Dispose();
            }
        }
    }
}
