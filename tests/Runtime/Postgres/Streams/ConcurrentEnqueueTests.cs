using System.Collections.Concurrent;
using Npgsql;
using TgeSwarm.Runtime.Postgres.Streams;
using static TgeSwarm.Runtime.Postgres.Tests.Streams.QueueTestData;

namespace TgeSwarm.Runtime.Postgres.Tests.Streams;

/// <summary>
/// The property the whole design rests on: a reader that checkpoints as it goes never skips a row that commits
/// later. The first test races many writers against a checkpointing reader; the others replay the dangerous
/// interleaving (an enqueue allocated its seqs but has not committed, a second one comes along) step by step.
/// </summary>
public sealed class ConcurrentEnqueueTests : IAsyncLifetime
{
    private const int Writers = 8;
    private const int CallsPerWriter = 40;

    private StreamStore _store = null!;

    private PostgresStreamQueueStore Store => _store.Store;

    public async Task InitializeAsync() => _store = await StreamStore.CreateAsync();

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Many_writers_on_one_queue_and_a_checkpointing_reader_see_every_row_exactly_once_with_no_seq_skipped()
    {
        var written = new ConcurrentDictionary<long, string>();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            await start.Task;
            for (var call = 0; call < CallsPerWriter; call++)
            {
                // 1 to 3 batches per call, so ranges of different sizes interleave.
                var batches = Enumerable.Range(0, 1 + ((w + call) % 3)).Select(b => Batch($"w{w}", $"{w}:{call}:{b}")).ToArray();
                var range = await Store.EnqueueAsync(StreamStore.Provider, 0, batches, CancellationToken.None);
                for (var b = 0; b < batches.Length; b++)
                {
                    Assert.True(written.TryAdd(range[b], Text(batches[b])), $"seq {range[b]} was handed out twice");
                }
            }
        })).ToArray();
        var expected = Enumerable.Range(0, Writers).Sum(w => Enumerable.Range(0, CallsPerWriter).Sum(call => 1 + ((w + call) % 3)));
        var allWritten = Task.WhenAll(writers);

        var read = new Dictionary<long, string>();
        var reader = Task.Run(async () =>
        {
            await start.Task;
            var checkpoint = 0L;
            var polls = 0;
            while (read.Count < expected)
            {
                // Bounded: the writers are done long before this many polls, unless rows went missing.
                Assert.True(++polls < 200_000, $"reader stuck at checkpoint {checkpoint} with {read.Count} of {expected} rows read");
                Assert.False(allWritten.IsFaulted, "a writer failed");
                using var rows = await Store.ReadAsync(StreamStore.Provider, 0, checkpoint, 7, CancellationToken.None);
                foreach (var row in rows)
                {
                    // A row above checkpoint + 1 would mean the reader passed a seq that is not committed yet and
                    // could commit later: exactly the skip the head row exists to prevent.
                    Assert.Equal(checkpoint + 1, row.Seq);
                    read.Add(row.Seq, Text(row));
                    checkpoint = row.Seq;
                }

                if (rows.Count > 0)
                {
                    Assert.Equal(checkpoint, await Store.SaveCheckpointAsync(StreamStore.Provider, 0, checkpoint, CancellationToken.None));
                }
            }
        });

        start.SetResult();
        await Task.WhenAll(allWritten, reader).WaitAsync(TimeSpan.FromSeconds(120));

        Assert.Equal(expected, written.Count);
        Assert.Equal(written.OrderBy(p => p.Key), read.OrderBy(p => p.Key));
        Assert.Equal(Enumerable.Range(1, expected).Select(i => (long)i), read.Keys);
        Assert.Equal(expected, await Store.GetHeadAsync(StreamStore.Provider, 0, CancellationToken.None));
        Assert.Equal(expected, await Store.GetCheckpointAsync(StreamStore.Provider, 0, CancellationToken.None));
    }

    [Fact]
    public async Task While_an_earlier_enqueue_is_uncommitted_a_later_one_waits_and_a_reader_sees_neither()
    {
        await using var held = await HoldEnqueueAsync("first");
        Assert.Equal(1L, held.FirstSeq);

        var second = Store.EnqueueAsync(StreamStore.Provider, 0, [Batch("k", "second")], CancellationToken.None);
        await WaitUntilBlockedAsync("the second enqueue to wait for the first one's head row lock");

        using (var early = await Store.ReadAsync(StreamStore.Provider, 0, 0, 10, CancellationToken.None))
        {
            Assert.Empty(early);
        }

        Assert.False(second.IsCompleted);
        await held.Transaction.CommitAsync();

        Assert.Equal(new QueueSeqRange(2, 1), await second.WaitAsync(TimeSpan.FromSeconds(30)));
        using var rows = await Store.ReadAsync(StreamStore.Provider, 0, 0, 10, CancellationToken.None);
        Assert.Equal([(1L, "k", 1, "first"), (2L, "k", 1, "second")], Snapshot(rows));
    }

    [Fact]
    public async Task A_rolled_back_enqueue_leaves_no_hole_because_the_waiting_one_takes_its_seqs()
    {
        await Store.EnqueueAsync(StreamStore.Provider, 0, [Batch("k", "before")], CancellationToken.None);
        await using var held = await HoldEnqueueAsync("doomed", "doomed too");
        Assert.Equal(2L, held.FirstSeq);

        var second = Store.EnqueueAsync(StreamStore.Provider, 0, [Batch("k", "after")], CancellationToken.None);
        await WaitUntilBlockedAsync("the second enqueue to wait for the doomed one's head row lock");
        await held.Transaction.RollbackAsync();

        Assert.Equal(new QueueSeqRange(2, 1), await second.WaitAsync(TimeSpan.FromSeconds(30)));
        using var rows = await Store.ReadAsync(StreamStore.Provider, 0, 0, 10, CancellationToken.None);
        Assert.Equal(["before", "after"], rows.Select(Text));
        Assert.Equal([1L, 2L], rows.Select(r => r.Seq));
    }

    // The store's own enqueue statement in a transaction the test keeps open: an enqueue that has taken its seqs
    // and written its rows but not committed.
    private async Task<HeldEnqueue> HoldEnqueueAsync(params string[] texts)
    {
        var connection = await _store.Schema.DataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(StreamQueueSql.Enqueue, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _store.Store.ServiceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = StreamStore.Provider });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = 0 });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = texts.Length });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = texts.Select(_ => "trades").ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = texts.Select(_ => "k").ToArray() });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = texts.Select(_ => 1).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = texts.Select(System.Text.Encoding.UTF8.GetBytes).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = _store.Clock.GetUtcNow() });
        var first = (long)(await command.ExecuteScalarAsync())!;
        return new HeldEnqueue(connection, transaction, first);
    }

    private Task WaitUntilBlockedAsync(string phase) => StreamTestWaits.UntilBlockedOnLockAsync(_store, phase);

    private sealed record HeldEnqueue(NpgsqlConnection Connection, NpgsqlTransaction Transaction, long FirstSeq) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Transaction.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }
}
