using TgeSwarm.Runtime.Postgres.Streams;
using static TgeSwarm.Runtime.Postgres.Tests.Streams.QueueTestData;

namespace TgeSwarm.Runtime.Postgres.Tests.Streams;

public sealed class TrimTests : IAsyncLifetime
{
    private static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    private StreamStore _store = null!;

    private PostgresStreamQueueStore Store => _store.Store;

    public async Task InitializeAsync() => _store = await StreamStore.CreateAsync();

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Trim_deletes_only_rows_that_are_both_acknowledged_and_older_than_the_retention_period()
    {
        await Store.EnqueueAsync(StreamStore.Provider, 0, [Batch("a", "1"), Batch("a", "2"), Batch("a", "3")], CancellationToken.None);
        _store.Clock.Advance(TimeSpan.FromHours(2));
        await Store.EnqueueAsync(StreamStore.Provider, 0, [Batch("a", "4"), Batch("a", "5")], CancellationToken.None);
        await Store.SaveCheckpointAsync(StreamStore.Provider, 0, 4, CancellationToken.None);

        // 1-3 are acknowledged and two hours old; 4 is acknowledged but new; 5 is neither.
        Assert.Equal(3, await TrimAsync(0));
        Assert.Equal([4L, 5L], await SeqsAsync(0));

        _store.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await TrimAsync(0));
        Assert.Equal([5L], await SeqsAsync(0));
        Assert.Equal(0, await TrimAsync(0));
        Assert.Equal(5, await Store.GetHeadAsync(StreamStore.Provider, 0, CancellationToken.None));
    }

    [Fact]
    public async Task A_queue_that_was_never_acknowledged_keeps_every_row_however_old()
    {
        await Store.EnqueueAsync(StreamStore.Provider, 1, [Batch("a", "1"), Batch("a", "2")], CancellationToken.None);
        _store.Clock.Advance(TimeSpan.FromDays(30));

        Assert.Equal(0, await TrimAsync(1));
        Assert.Equal([1L, 2L], await SeqsAsync(1));
    }

    [Fact]
    public async Task Trim_stops_at_the_given_seq_and_row_limit_and_records_the_highest_seq_it_deleted()
    {
        await Store.EnqueueAsync(StreamStore.Provider, 0, Enumerable.Range(1, 10).Select(i => Batch("a", $"{i}")).ToArray(), CancellationToken.None);
        await Store.SaveCheckpointAsync(StreamStore.Provider, 0, 10, CancellationToken.None);
        _store.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(3, await TrimAsync(0, upToSeq: 3));
        Assert.Equal(2, await TrimAsync(0, maxRows: 2));

        Assert.Equal(Enumerable.Range(6, 5).Select(i => (long)i), await SeqsAsync(0));
        Assert.Equal(new QueueState(0, 10, 10, 5), Assert.Single(await Store.GetQueuesAsync(StreamStore.Provider, CancellationToken.None)));
        Assert.Equal(2, _store.Logger.Count(PostgresStreamEventIds.QueueTrimmed));
        using var rewind = await Store.ReadStreamAsync(StreamStore.Provider, 0, "trades", "a", 1, 100, CancellationToken.None);
        Assert.Equal(6, rewind[0].Seq);
    }

    [Fact]
    public async Task Trimming_one_queue_leaves_the_other_queues_and_services_alone()
    {
        var other = _store.CreateStore("other-service");
        foreach (var store in new[] { Store, other })
        {
            foreach (var queue in new[] { 0, 1 })
            {
                await store.EnqueueAsync(StreamStore.Provider, queue, [Batch("a", "1")], CancellationToken.None);
                await store.SaveCheckpointAsync(StreamStore.Provider, queue, 1, CancellationToken.None);
            }
        }

        _store.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(1, await TrimAsync(0));
        Assert.Equal(2L, await _store.Schema.ScalarAsync<long>("SELECT count(*) FROM stream_queue WHERE service_id = 'other-service'"));
        Assert.Equal([1L], await SeqsAsync(1));
    }

    private Task<int> TrimAsync(int queueId, long upToSeq = long.MaxValue, int maxRows = 1000) =>
        Store.TrimAsync(StreamStore.Provider, queueId, _store.Clock.GetUtcNow() - Retention, upToSeq, maxRows, CancellationToken.None);

    private async Task<List<long>> SeqsAsync(int queueId)
    {
        using var rows = await Store.ReadAsync(StreamStore.Provider, queueId, 0, 1000, CancellationToken.None);
        return rows.Select(r => r.Seq).ToList();
    }
}
