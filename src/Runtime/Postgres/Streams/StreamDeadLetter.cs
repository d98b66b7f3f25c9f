namespace TgeSwarm.Runtime.Postgres.Streams;

/// <summary>
/// An event (or a whole row, <see cref="EventIndex"/> 0 and the row's <see cref="EventCount"/>) that subscription
/// <see cref="SubscriptionId"/>'s consumer kept failing on. <see cref="Consumer"/> is the consumer's grain id as text;
/// <see cref="Payload"/> is whatever the caller wants kept to replay or inspect it.
/// </summary>
internal sealed record StreamDeadLetter(
    int QueueId,
    long Seq,
    int EventIndex,
    string StreamNamespace,
    string StreamKey,
    Guid SubscriptionId,
    string Consumer,
    int EventCount,
    int Attempts,
    string LastError,
    ReadOnlyMemory<byte> Payload);
