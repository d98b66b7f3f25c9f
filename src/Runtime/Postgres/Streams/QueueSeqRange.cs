namespace TgeSwarm.Runtime.Postgres.Streams;

/// <summary>
/// The seqs an enqueue was given: <see cref="First"/> .. <see cref="Last"/>, one per batch in the order the batches
/// were passed. Contiguous because a queue's seqs have no holes.
/// </summary>
internal readonly record struct QueueSeqRange(long First, int Count)
{
    public static QueueSeqRange Empty => default;

    public long Last => First + Count - 1;

    public long this[int index] =>
        (uint)index < (uint)Count ? First + index : throw new ArgumentOutOfRangeException(nameof(index), index, $"The range holds {Count} seqs.");
}
