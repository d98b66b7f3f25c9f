namespace TgeSwarm.Runtime.Postgres.Streams;

/// <summary>
/// One row read from a queue. <see cref="Payload"/> points into the buffer of the <see cref="QueueRows"/> it came
/// from and is valid only until that is disposed.
/// </summary>
internal readonly record struct QueueRow(
    long Seq, string StreamNamespace, string StreamKey, int EventCount, DateTimeOffset EnqueuedAt, ReadOnlyMemory<byte> Payload);
