namespace TgeSwarm.Runtime.Postgres.Streams;

/// <summary>
/// One queue's positions: <see cref="HeadSeq"/> is the last seq written (0: none yet), <see cref="CheckpointSeq"/>
/// the last acknowledged, <see cref="TrimmedSeq"/> the highest deleted by retention (a rewind to or below it may
/// miss rows).
/// </summary>
internal readonly record struct QueueState(int QueueId, long HeadSeq, long CheckpointSeq, long TrimmedSeq)
{
    /// <summary>Rows written but not yet acknowledged.</summary>
    public long Backlog => HeadSeq - CheckpointSeq;
}
