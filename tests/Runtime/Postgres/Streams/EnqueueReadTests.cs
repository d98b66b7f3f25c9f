using TgeSwarm.Runtime.Postgres.Streams;
using static TgeSwarm.Runtime.Postgres.Tests.Streams.QueueTestData;

namespace TgeSwarm.Runtime.Postgres.Tests.Streams;

public sealed class EnqueueReadTests : IAsyncLifetime
{
    private StreamStore _store = null!;

    private PostgresStreamQueueStore Store => _store.Store;

    public async Task InitializeAsync() => _store = await StreamStore.CreateAsync();

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Batches_of_one_enqueue_take_consecutive_seqs_in_list_order_and_read_back_in_that_order()
    {
        var first = await Store.EnqueueAsync(StreamStore.Provider, 0, [Batch("a", "one", 3), Batch("b", "two", 1)], CancellationToken.None);
        var second = await Store.EnqueueAsync(StreamStore.Provider, 0, [Batch("a", "three", 2)], CancellationToken.None);

        Assert.Equal(new QueueSeqRange(1, 2), first);
        Assert.Equal(new QueueSeqRange(3, 1), second);
        using var rows = await Store.ReadAsync(StreamStore.Provider, 0, 0, 10, CancellationToken.None);
        Assert.Equal([(1L, "a", 3, "one"), (2L, "b", 1, "two"), (3L, "a", 2, "three")], Snapshot(rows));
        Assert.Equal(3, rows.LastSeq);
        Assert.Equal(6, rows.EventCount);
        Assert.All(rows, r => Assert.Equal("trades", r.StreamNamespace));
        Assert.Equal(3, await Store.GetHeadAsync(StreamStore.Provider, 0, CancellationToken.None));
    }

    [Fact]
    public async Task A_read_returns_rows_after_the_given_seq_up_to_the_row_limit()
    {
        await Store.EnqueueAsync(StreamStore.Provider, 2, Enumerable.Range(1, 7).Select(i => Batch("k", $"row {i}")).ToArray(), CancellationToken.None);

        using var page = await Store.ReadAsync(StreamStore.Provider, 2, 3, 2, CancellationToken.None);
        using var rest = await Store.ReadAsync(StreamStore.Provider, 2, page.LastSeq, 100, CancellationToken.None);
        using var none = await Store.ReadAsync(StreamStore.Provider, 2, 7, 100, CancellationToken.None);

        Assert.Equal([4L, 5L], page.Select(r => r.Seq));
        Assert.Equal(["row 6", "row 7"], rest.Select(Text));
        Assert.Empty(none);
        Assert.Equal(-1, none.LastSeq);
    }

    [Fact]
    public async Task Queues_providers_and_services_each_count_their_own_seqs_and_see_only_their_own_rows()
    {
        var other = _store.CreateStore("other-service");

        var a = await Store.EnqueueAsync(StreamStore.Provider, 0, [Batch("k", "q0")], CancellationToken.None);
        var b = await Store.EnqueueAsync(StreamStore.Provider, 1, [Batch("k", "q1")], CancellationToken.None);
        var c = await Store.EnqueueAsync("other-provider", 0, [Batch("k", "p2")], CancellationToken.None);
        var d = await other.EnqueueAsync(StreamStore.Provider, 0, [Batch("k", "s2")], CancellationToken.None);

        Assert.All(new[] { a, b, c, d }, range => Assert.Equal(new QueueSeqRange(1, 1), range));
        using var rows = await Store.ReadAsync(StreamStore.Provider, 0, 0, 10, CancellationToken.None);
        using var otherRows = await other.ReadAsync(StreamStore.Provider, 0, 0, 10, CancellationToken.None);
        Assert.Equal(["q0"], rows.Select(Text));
        Assert.Equal(["s2"], otherRows.Select(Text));
    }

    [Fact]
    public async Task Payloads_larger_than_the_first_pooled_buffer_read_back_byte_for_byte()
    {
        // 3 x 100 kB: the read buffer starts at 16 kB and has to grow twice, moving the payloads already read.
        var payloads = Enumerable.Range(0, 3).Select(i =>
        {
            var bytes = new byte[100_000];
            new Random(i).NextBytes(bytes);
            return bytes;
        }).ToArray();
        await Store.EnqueueAsync(
            StreamStore.Provider, 0, payloads.Select((p, i) => new QueueBatch("ns", $"k{i}", 1000, p)).ToArray(), CancellationToken.None);

        using var rows = await Store.ReadAsync(StreamStore.Provider, 0, 0, 10, CancellationToken.None);

        Assert.Equal(3, rows.Count);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(payloads[i].AsSpan().SequenceEqual(rows[i].Payload.Span), $"payload {i} differs");
        }
    }

    [Fact]
    public async Task Enqueue_stamps_rows_with_the_injected_clock()
    {
        await Store.EnqueueAsync(StreamStore.Provider, 0, [Batch("k", "x")], CancellationToken.None);

        using var rows = await Store.ReadAsync(StreamStore.Provider, 0, 0, 1, CancellationToken.None);

        Assert.Equal(_store.Clock.GetUtcNow(), rows[0].EnqueuedAt);
    }

    [Fact]
    public async Task An_empty_enqueue_writes_nothing_and_a_batch_without_events_is_refused()
    {
        Assert.Equal(QueueSeqRange.Empty, await Store.EnqueueAsync(StreamStore.Provider, 0, [], CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            Store.EnqueueAsync(StreamStore.Provider, 0, [Batch("k", "ok"), Batch("k", "none", events: 0)], CancellationToken.None));

        Assert.Equal(0, await Store.GetHeadAsync(StreamStore.Provider, 0, CancellationToken.None));
        Assert.Equal(0L, await _store.Schema.ScalarAsync<long>("SELECT count(*) FROM stream_queue"));
    }

    [Fact]
    public async Task A_payload_is_unreadable_once_its_rows_are_disposed()
    {
        await Store.EnqueueAsync(StreamStore.Provider, 0, [Batch("k", "x")], CancellationToken.None);
        var rows = await Store.ReadAsync(StreamStore.Provider, 0, 0, 1, CancellationToken.None);

        rows.Dispose();

        Assert.Throws<ObjectDisposedException>(() => rows[0]);
    }
}
