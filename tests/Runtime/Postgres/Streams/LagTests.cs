using TgeSwarm.Runtime.Postgres.Streams;
using static TgeSwarm.Runtime.Postgres.Tests.Streams.QueueTestData;

namespace TgeSwarm.Runtime.Postgres.Tests.Streams;

public sealed class LagTests : IAsyncLifetime
{
    private static readonly Guid SubA = new("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid SubB = new("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid SubC = new("00000000-0000-0000-0000-00000000000c");

    private StreamStore _store = null!;

    private PostgresStreamQueueStore Store => _store.Store;

    public async Task InitializeAsync() => _store = await StreamStore.CreateAsync();

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Lag_per_subscription_counts_queue_rows_behind_the_head_and_its_own_streams_pending_rows_and_events()
    {
        // Queue 0: a(10) b(5) a(20) a(30) -> seqs 1..4.
        await Store.EnqueueAsync(StreamStore.Provider, 0, [Batch("a", "1", 10), Batch("b", "2", 5), Batch("a", "3", 20), Batch("a", "4", 30)], CancellationToken.None);
        await Store.SaveSubscriptionProgressAsync(
            StreamStore.Provider,
            [new(SubA, 0, "trades", "a", 1), new(SubB, 0, "trades", "b", 0), new(SubC, 1, "trades", "c", 0)],
            CancellationToken.None);

        var lag = await Store.GetLagAsync(StreamStore.Provider, CancellationToken.None);

        var at = _store.Clock.GetUtcNow();
        Assert.Equal(
            [
                new SubscriptionLag(SubA, 0, "trades", "a", DeliveredSeq: 1, HeadSeq: 4, PendingRows: 2, PendingEvents: 50, at),
                new SubscriptionLag(SubB, 0, "trades", "b", DeliveredSeq: 0, HeadSeq: 4, PendingRows: 1, PendingEvents: 5, at),
                new SubscriptionLag(SubC, 1, "trades", "c", DeliveredSeq: 0, HeadSeq: 0, PendingRows: 0, PendingEvents: 0, at),
            ],
            lag);
        Assert.Equal([3L, 4L, 0L], lag.Select(l => l.QueueRows));
    }

    [Fact]
    public async Task Delivered_progress_only_moves_forward_within_a_queue_and_starts_over_in_a_new_queue()
    {
        await Store.EnqueueAsync(StreamStore.Provider, 0, [Batch("a", "1"), Batch("a", "2"), Batch("a", "3")], CancellationToken.None);
        await Store.SaveSubscriptionProgressAsync(StreamStore.Provider, [new(SubA, 0, "trades", "a", 3)], CancellationToken.None);

        await Store.SaveSubscriptionProgressAsync(StreamStore.Provider, [new(SubA, 0, "trades", "a", 1)], CancellationToken.None);
        var afterStale = Assert.Single(await Store.GetLagAsync(StreamStore.Provider, CancellationToken.None));
        await Store.SaveSubscriptionProgressAsync(StreamStore.Provider, [new(SubA, 2, "trades", "a", 0)], CancellationToken.None);
        var afterMove = Assert.Single(await Store.GetLagAsync(StreamStore.Provider, CancellationToken.None));

        Assert.Equal((0, 3L, 0L), (afterStale.QueueId, afterStale.DeliveredSeq, afterStale.PendingRows));
        Assert.Equal((2, 0L), (afterMove.QueueId, afterMove.DeliveredSeq));
    }

    [Fact]
    public async Task A_batch_naming_a_subscription_twice_keeps_its_later_entry_but_never_moves_it_back()
    {
        await Store.EnqueueAsync(StreamStore.Provider, 0, Enumerable.Range(0, 9).Select(i => Batch("a", $"{i}")).ToArray(), CancellationToken.None);

        await Store.SaveSubscriptionProgressAsync(
            StreamStore.Provider, [new(SubA, 0, "trades", "a", 7), new(SubB, 0, "trades", "a", 2), new(SubA, 0, "trades", "a", 4), new(SubB, 0, "trades", "a", 5)],
            CancellationToken.None);

        var lag = await Store.GetLagAsync(StreamStore.Provider, CancellationToken.None);
        Assert.Equal([(SubA, 7L, 2L), (SubB, 5L, 4L)], lag.Select(l => (l.SubscriptionId, l.DeliveredSeq, l.PendingRows)));
    }

    [Fact]
    public async Task A_deleted_subscription_no_longer_shows_lag()
    {
        await Store.SaveSubscriptionProgressAsync(StreamStore.Provider, [new(SubA, 0, "trades", "a", 0), new(SubB, 0, "trades", "b", 0)], CancellationToken.None);

        Assert.True(await Store.DeleteSubscriptionProgressAsync(StreamStore.Provider, SubA, CancellationToken.None));
        Assert.False(await Store.DeleteSubscriptionProgressAsync(StreamStore.Provider, SubA, CancellationToken.None));

        Assert.Equal([SubB], (await Store.GetLagAsync(StreamStore.Provider, CancellationToken.None)).Select(l => l.SubscriptionId));
    }
}
