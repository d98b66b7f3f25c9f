namespace TgeSwarm.Runtime.Postgres.Streams;

/// <summary>
/// One queue row to enqueue: <paramref name="EventCount"/> events of one stream, already serialized by the caller
/// into <paramref name="Payload"/>. The store never looks inside the payload.
/// </summary>
internal readonly record struct QueueBatch(string StreamNamespace, string StreamKey, int EventCount, ReadOnlyMemory<byte> Payload);
