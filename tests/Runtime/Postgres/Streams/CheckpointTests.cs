using TgeSwarm.Runtime.Postgres.Streams;
using static TgeSwarm.Runtime.Postgres.Tests.Streams.QueueTestData;

namespace TgeSwarm.Runtime.Postgres.Tests.Streams;

public sealed class CheckpointTests : IAsyncLifetime
{
    private StreamStore _store = null!;

    private PostgresStreamQueueStore Store => _store.Store;

    public async Task InitializeAsync() => _store = await StreamStore.CreateAsync();

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task A_checkpoint_moves_forward_and_a_lower_one_leaves_it_where_it_is()
    {
        await Store.EnqueueAsync(StreamStore.Provider, 1, Enumerable.Range(0, 5).Select(i => Batch("k", $"{i}")).ToArray(), CancellationToken.None);
        Assert.Equal(0, await Store.GetCheckpointAsync(StreamStore.Provider, 1, CancellationToken.None));

        Assert.Equal(3, await Store.SaveCheckpointAsync(StreamStore.Provider, 1, 3, CancellationToken.None));
        Assert.Equal(3, await Store.SaveCheckpointAsync(StreamStore.Provider, 1, 2, CancellationToken.None));
        Assert.Equal(3, await Store.GetCheckpointAsync(StreamStore.Provider, 1, CancellationToken.None));
        Assert.Equal(5, await Store.SaveCheckpointAsync(StreamStore.Provider, 1, 5, CancellationToken.None));
        Assert.Equal(5, await Store.GetCheckpointAsync(StreamStore.Provider, 1, CancellationToken.None));
    }

    [Fact]
    public async Task A_checkpoint_past_the_head_is_refused_and_changes_nothing()
    {
        await Store.EnqueueAsync(StreamStore.Provider, 0, [Batch("k", "1"), Batch("k", "2")], CancellationToken.None);
        await Store.SaveCheckpointAsync(StreamStore.Provider, 0, 1, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.SaveCheckpointAsync(StreamStore.Provider, 0, 3, CancellationToken.None));
        var empty = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.SaveCheckpointAsync(StreamStore.Provider, 5, 1, CancellationToken.None));

        Assert.Contains("past the queue's head (2)", refused.Message, StringComparison.Ordinal);
        Assert.Contains("past the queue's head (0)", empty.Message, StringComparison.Ordinal);
        Assert.Equal(1, await Store.GetCheckpointAsync(StreamStore.Provider, 0, CancellationToken.None));
        Assert.Equal(0, await Store.GetCheckpointAsync(StreamStore.Provider, 5, CancellationToken.None));
        Assert.Equal(2, _store.Logger.Count(PostgresStreamEventIds.CheckpointBeyondHead));
    }

    [Fact]
    public async Task Queue_states_list_head_checkpoint_and_backlog_of_every_written_queue()
    {
        await Store.EnqueueAsync(StreamStore.Provider, 4, [Batch("k", "1"), Batch("k", "2"), Batch("k", "3")], CancellationToken.None);
        await Store.EnqueueAsync(StreamStore.Provider, 1, [Batch("k", "1")], CancellationToken.None);
        await Store.EnqueueAsync("other", 0, [Batch("k", "1")], CancellationToken.None);
        await Store.SaveCheckpointAsync(StreamStore.Provider, 4, 2, CancellationToken.None);

        var queues = await Store.GetQueuesAsync(StreamStore.Provider, CancellationToken.None);

        Assert.Equal([new QueueState(1, 1, 0, 0), new QueueState(4, 3, 2, 0)], queues);
        Assert.Equal([1L, 1L], queues.Select(q => q.Backlog));
    }

    [Fact]
    public async Task Two_agents_checkpointing_one_queue_at_once_leave_the_highest_value()
    {
        await Store.EnqueueAsync(StreamStore.Provider, 0, Enumerable.Range(0, 100).Select(i => Batch("k", $"{i}")).ToArray(), CancellationToken.None);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // One counts up, the other down: whatever the interleaving, the stored value may never decrease.
        var up = Task.Run(async () =>
        {
            await start.Task;
            var last = 0L;
            for (var seq = 1; seq <= 100; seq++)
            {
                var stored = await Store.SaveCheckpointAsync(StreamStore.Provider, 0, seq, CancellationToken.None);
                Assert.True(stored >= last && stored >= seq, $"checkpoint went from {last} to {stored} on saving {seq}");
                last = stored;
            }
        });
        var down = Task.Run(async () =>
        {
            await start.Task;
            for (var seq = 100; seq >= 1; seq--)
            {
                await Store.SaveCheckpointAsync(StreamStore.Provider, 0, seq, CancellationToken.None);
            }
        });
        start.SetResult();
        await Task.WhenAll(up, down).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(100, await Store.GetCheckpointAsync(StreamStore.Provider, 0, CancellationToken.None));
    }
}
