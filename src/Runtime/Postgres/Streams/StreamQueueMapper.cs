namespace TgeSwarm.Runtime.Postgres.Streams;

/// <summary>
/// Which queue a stream's events go to: a stable hash of (namespace, key) modulo the queue count, the same in every
/// process and every run, so producers on any silo and the queue's pulling agent agree without talking. All events
/// of one stream share a queue, which is what keeps them in order.
/// </summary>
internal sealed class StreamQueueMapper
{
    public StreamQueueMapper(int queueCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(queueCount);
        QueueCount = queueCount;
        QueueIds = Enumerable.Range(0, queueCount).ToArray();
    }

    public int QueueCount { get; }

    /// <summary>0 .. <see cref="QueueCount"/> - 1.</summary>
    public IReadOnlyList<int> QueueIds { get; }

    public int GetQueueId(string streamNamespace, string streamKey) =>
        (int)(StreamQueueHash.Of(streamNamespace, streamKey) % (uint)QueueCount);
}
