namespace TgeSwarm.Runtime.Streams;

/// <summary>
/// The provider contract of persistent streams: durable, ordered queues of rows, each row a batch of serialized
/// events of one stream, which the silo's pulling agents read, deliver and acknowledge. Every stream maps to one
/// queue, so its rows keep their order. Implementations: PostgreSQL (<c>AddPostgresStreams</c>).
/// <para>
/// What the silo relies on: seqs of a queue grow in commit order without holes, so a reader that acknowledged n
/// never misses a row committed later; a checkpoint never moves back; retention deletes only acknowledged rows;
/// progress and dead letters are idempotent, so a replay after a crash rewrites rather than duplicates; failures
/// surface as exceptions and leave nothing half-written.
/// </para>
/// </summary>
public interface IStreamQueueStorage
{
    /// <summary>The stream provider this storage backs (the name grains pass to <c>GetStreamProvider</c>).</summary>
    string ProviderName { get; }

    PersistentStreamSettings Settings { get; }

    /// <summary>The queue of <paramref name="streamId"/>: 0 .. <see cref="PersistentStreamSettings.QueueCount"/> - 1, the same in every process.</summary>
    int GetQueueId(StreamId streamId);

    /// <summary>Appends one row of <paramref name="eventCount"/> events; completes when it is durable and returns its seq.</summary>
    Task<long> EnqueueAsync(int queueId, StreamId streamId, int eventCount, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="maxRows"/> rows of the queue above <paramref name="afterSeq"/>, in seq order.</summary>
    Task<IStreamQueueRows> ReadAsync(int queueId, long afterSeq, int maxRows, CancellationToken cancellationToken);

    /// <summary>Rewind: rows of one stream at or above <paramref name="fromSeq"/>, acknowledged or not, while retention kept them.</summary>
    Task<IStreamQueueRows> ReadStreamAsync(int queueId, StreamId streamId, long fromSeq, int maxRows, CancellationToken cancellationToken);

    /// <summary>The last acknowledged seq of the queue (0: none).</summary>
    Task<long> GetCheckpointAsync(int queueId, CancellationToken cancellationToken);

    /// <summary>Acknowledges every row up to <paramref name="ackedSeq"/>; returns the stored checkpoint, which never moves back.</summary>
    Task<long> SaveCheckpointAsync(int queueId, long ackedSeq, CancellationToken cancellationToken);

    /// <summary>The last seq ever written to the queue (0: none).</summary>
    Task<long> GetHeadAsync(int queueId, CancellationToken cancellationToken);

    /// <summary>Records how far subscriptions were served (for lag), in one round trip.</summary>
    Task SaveProgressAsync(IReadOnlyList<StreamSubscriptionPosition> positions, CancellationToken cancellationToken);

    /// <summary>Forgets an unsubscribed subscription's progress.</summary>
    Task DeleteProgressAsync(Guid subscriptionId, CancellationToken cancellationToken);

    /// <summary>Sets aside events a consumer kept failing on.</summary>
    Task DeadLetterAsync(StreamDeadLetterRecord letter, CancellationToken cancellationToken);

    /// <summary>Retention: deletes acknowledged rows enqueued before <paramref name="olderThan"/>; returns how many.</summary>
    Task<int> TrimAsync(int queueId, DateTimeOffset olderThan, CancellationToken cancellationToken);

    /// <summary>How far every subscription with recorded progress trails its queue and its stream.</summary>
    Task<IReadOnlyList<StreamSubscriptionLag>> GetLagAsync(CancellationToken cancellationToken);
}

/// <summary>The rows of one read. Payloads are valid until the rows are disposed.</summary>
public interface IStreamQueueRows : IReadOnlyList<StreamQueueRow>, IDisposable;

/// <summary>One row: <see cref="EventCount"/> serialized events of one stream.</summary>
public readonly record struct StreamQueueRow(long Seq, StreamId StreamId, int EventCount, DateTimeOffset EnqueuedAt, ReadOnlyMemory<byte> Payload);

/// <summary>How far one subscription was served within its queue.</summary>
public readonly record struct StreamSubscriptionPosition(Guid SubscriptionId, int QueueId, StreamId StreamId, long DeliveredSeq);

/// <summary>Events of one row that a subscription's consumer kept failing on.</summary>
public sealed record StreamDeadLetterRecord(
    int QueueId, long Seq, int EventIndex, StreamId StreamId, Guid SubscriptionId, string Consumer, int EventCount, int Attempts, string LastError, ReadOnlyMemory<byte> Payload);

/// <summary>How far one subscription trails: in its queue (rows) and in its own stream (rows and events).</summary>
public sealed record StreamSubscriptionLag(
    Guid SubscriptionId, int QueueId, StreamId StreamId, long DeliveredSeq, long HeadSeq, long PendingRows, long PendingEvents, DateTimeOffset UpdatedAt);
