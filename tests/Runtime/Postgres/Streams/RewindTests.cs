using TgeSwarm.Runtime.Postgres.Streams;
using static TgeSwarm.Runtime.Postgres.Tests.Streams.QueueTestData;

namespace TgeSwarm.Runtime.Postgres.Tests.Streams;

public sealed class RewindTests : IAsyncLifetime
{
    private StreamStore _store = null!;

    private PostgresStreamQueueStore Store => _store.Store;

    public async Task InitializeAsync() => _store = await StreamStore.CreateAsync();

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task A_rewind_reads_one_streams_rows_from_the_given_seq_on_even_after_they_were_acknowledged()
    {
        await Store.EnqueueAsync(
            StreamStore.Provider, 3,
            [Batch("a", "a1"), Batch("b", "b1"), Batch("a", "a2"), Batch("a", "a3", streamNamespace: "quotes"), Batch("a", "a4"), Batch("b", "b2")],
            CancellationToken.None);
        await Store.SaveCheckpointAsync(StreamStore.Provider, 3, 6, CancellationToken.None);

        using var fromStart = await Store.ReadStreamAsync(StreamStore.Provider, 3, "trades", "a", 0, 100, CancellationToken.None);
        using var fromThree = await Store.ReadStreamAsync(StreamStore.Provider, 3, "trades", "a", 3, 100, CancellationToken.None);
        using var limited = await Store.ReadStreamAsync(StreamStore.Provider, 3, "trades", "a", 1, 1, CancellationToken.None);
        using var otherNamespace = await Store.ReadStreamAsync(StreamStore.Provider, 3, "quotes", "a", 0, 100, CancellationToken.None);

        Assert.Equal([(1L, "a", 1, "a1"), (3L, "a", 1, "a2"), (5L, "a", 1, "a4")], Snapshot(fromStart));
        Assert.Equal([3L, 5L], fromThree.Select(r => r.Seq));
        Assert.Equal([1L], limited.Select(r => r.Seq));
        Assert.Equal(["a3"], otherNamespace.Select(Text));
    }

    [Fact]
    public async Task A_rewind_past_the_end_or_of_an_unknown_stream_finds_nothing()
    {
        await Store.EnqueueAsync(StreamStore.Provider, 0, [Batch("a", "a1")], CancellationToken.None);

        using var pastEnd = await Store.ReadStreamAsync(StreamStore.Provider, 0, "trades", "a", 2, 100, CancellationToken.None);
        using var unknown = await Store.ReadStreamAsync(StreamStore.Provider, 0, "trades", "zzz", 0, 100, CancellationToken.None);

        Assert.Empty(pastEnd);
        Assert.Empty(unknown);
    }
}
