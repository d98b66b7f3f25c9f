using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Streams;

namespace TgeSwarm.Runtime.Postgres.Streams;

/// <summary>One named PostgreSQL stream provider's queues, as the silo's pulling agents see them (<see cref="IStreamQueueStorage"/>).</summary>
internal sealed class PostgresStreamQueueStorage(string provider, PostgresStreamQueueStore store, PostgresStreamOptions options) : IStreamQueueStorage
{
    private readonly StreamQueueMapper _mapper = new(options.QueueCount);

    public string ProviderName => provider;

    public PersistentStreamSettings Settings { get; } = new(
        options.QueueCount, options.PollInterval, options.MaxRowsPerRead, options.MaxDeliveryAttempts, options.RetentionPeriod, options.TrimInterval);

    public int GetQueueId(StreamId streamId) => _mapper.GetQueueId(streamId.Namespace, streamId.Key);

    public async Task<long> EnqueueAsync(int queueId, StreamId streamId, int eventCount, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var range = await store.EnqueueAsync(provider, queueId, [new QueueBatch(streamId.Namespace, streamId.Key, eventCount, payload)], cancellationToken);
        return range.First;
    }

    public async Task<IStreamQueueRows> ReadAsync(int queueId, long afterSeq, int maxRows, CancellationToken cancellationToken) =>
        new Rows(await store.ReadAsync(provider, queueId, afterSeq, maxRows, cancellationToken));

    public async Task<IStreamQueueRows> ReadStreamAsync(int queueId, StreamId streamId, long fromSeq, int maxRows, CancellationToken cancellationToken) =>
        new Rows(await store.ReadStreamAsync(provider, queueId, streamId.Namespace, streamId.Key, fromSeq, maxRows, cancellationToken));

    public Task<long> GetCheckpointAsync(int queueId, CancellationToken cancellationToken) => store.GetCheckpointAsync(provider, queueId, cancellationToken);

    public Task<long> SaveCheckpointAsync(int queueId, long ackedSeq, CancellationToken cancellationToken) =>
        store.SaveCheckpointAsync(provider, queueId, ackedSeq, cancellationToken);

    public Task<long> GetHeadAsync(int queueId, CancellationToken cancellationToken) => store.GetHeadAsync(provider, queueId, cancellationToken);

    public Task SaveProgressAsync(IReadOnlyList<StreamSubscriptionPosition> positions, CancellationToken cancellationToken) =>
        store.SaveSubscriptionProgressAsync(
            provider,
            [.. positions.Select(p => new SubscriptionProgress(p.SubscriptionId, p.QueueId, p.StreamId.Namespace, p.StreamId.Key, p.DeliveredSeq))],
            cancellationToken);

    public Task DeleteProgressAsync(Guid subscriptionId, CancellationToken cancellationToken) =>
        store.DeleteSubscriptionProgressAsync(provider, subscriptionId, cancellationToken);

    public Task DeadLetterAsync(StreamDeadLetterRecord letter, CancellationToken cancellationToken) =>
        store.DeadLetterAsync(
            provider,
            new StreamDeadLetter(
                letter.QueueId, letter.Seq, letter.EventIndex, letter.StreamId.Namespace, letter.StreamId.Key, letter.SubscriptionId,
                letter.Consumer, letter.EventCount, letter.Attempts, letter.LastError, letter.Payload),
            cancellationToken);

    public Task<int> TrimAsync(int queueId, DateTimeOffset olderThan, CancellationToken cancellationToken) =>
        store.TrimAsync(provider, queueId, olderThan, long.MaxValue, 10_000, cancellationToken);

    public async Task<IReadOnlyList<StreamSubscriptionLag>> GetLagAsync(CancellationToken cancellationToken) =>
        [.. (await store.GetLagAsync(provider, cancellationToken)).Select(l => new StreamSubscriptionLag(
            l.SubscriptionId, l.QueueId, StreamId.Create(l.StreamNamespace, l.StreamKey), l.DeliveredSeq, l.HeadSeq, l.PendingRows, l.PendingEvents, l.UpdatedAt))];

    private sealed class Rows(QueueRows rows) : IStreamQueueRows
    {
        public int Count => rows.Count;

        public StreamQueueRow this[int index]
        {
            get
            {
                var row = rows[index];
                return new StreamQueueRow(row.Seq, StreamId.Create(row.StreamNamespace, row.StreamKey), row.EventCount, row.EnqueuedAt, row.Payload);
            }
        }

        public IEnumerator<StreamQueueRow> GetEnumerator()
        {
            for (var i = 0; i < rows.Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public void Dispose() => rows.Dispose();
    }
}
