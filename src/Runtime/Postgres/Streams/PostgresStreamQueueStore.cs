using Microsoft.Extensions.Logging;
using Npgsql;

namespace TgeSwarm.Runtime.Postgres.Streams;

/// <summary>
/// The data layer of PostgreSQL streams (<c>db/migrations/0005_streams.sql</c>): durable queues of opaque rows, each
/// row a batch of serialized events of one stream, read in order by the pulling agent that owns the queue.
/// <para>
/// Guarantees: a queue's seqs start at 1 and the committed ones never have a hole, because an enqueue takes its
/// seqs from the queue's head row under a lock held until it commits (the argument is in the migration). So a
/// reader that read every row up to n and saved checkpoint n can never miss a row committed later: it will be
/// above n. The checkpoint only moves forward and never past the head; retention deletes only rows that are both
/// at or below the checkpoint and older than the retention period. Subscription progress and dead letters are
/// idempotent upserts, so an agent that replays after a crash (at-least-once) rewrites rather than duplicates.
/// </para>
/// <para>
/// Shape: every method is one SQL statement, hence one transaction (nothing is ever half-written), on a pooled
/// connection of the database's shared <see cref="NpgsqlDataSource"/>, whose auto-prepare makes the repeated
/// statements prepared. Several batches of one queue go in one statement (arrays, unnested server-side; measured
/// against binary COPY, which needs a transaction of three round trips holding the head lock); reads put
/// all payloads of a poll in one pooled buffer (<see cref="QueueRows"/>).
/// </para>
/// <para>
/// Failure modes: an outage or a restart of PostgreSQL surfaces as an <see cref="NpgsqlException"/> (bounded by the
/// connection string's Timeout and Command Timeout) and the caller retries; an enqueue that failed wrote nothing and
/// moved no head, but one whose commit was lost in flight may have been written, so a producer that retries can
/// duplicate rows (at-least-once). A pulling agent that dies after delivering and before checkpointing makes its
/// successor redeliver those rows.
/// </para>
/// </summary>
internal sealed partial class PostgresStreamQueueStore(
    PostgresDatabase database,
    string serviceId,
    TimeProvider timeProvider,
    ILogger<PostgresStreamQueueStore> logger)
{
    public string ServiceId { get; } = serviceId;

    /// <summary>
    /// Appends <paramref name="batches"/> to queue <paramref name="queueId"/> as one row each, atomically, in list
    /// order, in one round trip. Returns the seqs they were given (empty for an empty list, which costs nothing).
    /// </summary>
    public async Task<QueueSeqRange> EnqueueAsync(string provider, int queueId, IReadOnlyList<QueueBatch> batches, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batches);
        ValidateQueue(provider, queueId);
        var count = batches.Count;
        if (count == 0)
        {
            return QueueSeqRange.Empty;
        }

        for (var i = 0; i < count; i++)
        {
            var batch = batches[i];
            if (batch.StreamNamespace is null || batch.StreamKey is null || batch.EventCount <= 0)
            {
                throw new ArgumentException(
                    $"Batch {i} needs a stream namespace, a stream key and at least one event " +
                    $"(namespace {batch.StreamNamespace ?? "null"}, key {batch.StreamKey ?? "null"}, {batch.EventCount} events).",
                    nameof(batches));
            }
        }

        await database.EnsureMigratedAsync(cancellationToken);
        await using var command = database.DataSource.CreateCommand(count == 1 ? StreamQueueSql.EnqueueOne : StreamQueueSql.Enqueue);
        AddQueue(command, provider, queueId);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = count });
        if (count == 1)
        {
            var batch = batches[0];
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = batch.StreamNamespace });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = batch.StreamKey });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = batch.EventCount });
            command.Parameters.Add(new NpgsqlParameter<ReadOnlyMemory<byte>> { TypedValue = batch.Payload });
        }
        else
        {
            AddBatchArrays(command, batches);
        }

        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = timeProvider.GetUtcNow() });
        var first = await command.ExecuteScalarAsync(cancellationToken) as long?
            ?? throw new InvalidOperationException($"The enqueue to queue {queueId} of stream provider '{provider}' returned no seq.");
        return new QueueSeqRange(first, count);
    }

    private static void AddBatchArrays(NpgsqlCommand command, IReadOnlyList<QueueBatch> batches)
    {
        var namespaces = new string[batches.Count];
        var keys = new string[batches.Count];
        var eventCounts = new int[batches.Count];
        var payloads = new ReadOnlyMemory<byte>[batches.Count];
        for (var i = 0; i < batches.Count; i++)
        {
            (namespaces[i], keys[i], eventCounts[i], payloads[i]) = batches[i];
        }

        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = namespaces });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = keys });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = eventCounts });
        command.Parameters.Add(new NpgsqlParameter<ReadOnlyMemory<byte>[]> { TypedValue = payloads });
    }

    private void AddQueue(NpgsqlCommand command, string provider, int queueId)
    {
        AddProvider(command, provider);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = queueId });
    }

    private void AddProvider(NpgsqlCommand command, string provider)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ServiceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = provider });
    }

    private static void ValidateQueue(string provider, int queueId)
    {
        ArgumentException.ThrowIfNullOrEmpty(provider);
        ArgumentOutOfRangeException.ThrowIfNegative(queueId);
    }
}
