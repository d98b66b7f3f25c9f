namespace TgeSwarm.Runtime;

/// <summary>
/// How far one subscription of a persistent stream trails: the rows of its queue not yet given to it, and the rows
/// and events of its own stream among them. <see cref="UpdatedAt"/> is when its position was last recorded.
/// </summary>
[GenerateSerializer]
public sealed record StreamSubscriptionLagInfo(
    [property: Id(0)] string Provider,
    [property: Id(1)] Guid SubscriptionId,
    [property: Id(2)] string StreamNamespace,
    [property: Id(3)] string StreamKey,
    [property: Id(4)] int QueueId,
    [property: Id(5)] long DeliveredSeq,
    [property: Id(6)] long HeadSeq,
    [property: Id(7)] long PendingRows,
    [property: Id(8)] long PendingEvents,
    [property: Id(9)] DateTimeOffset UpdatedAt);
