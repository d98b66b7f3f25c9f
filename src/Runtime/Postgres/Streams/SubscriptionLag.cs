namespace TgeSwarm.Runtime.Postgres.Streams;

/// <summary>
/// How far one subscription trails its queue. <see cref="QueueRows"/> is the distance in the queue
/// (<see cref="HeadSeq"/> - <see cref="DeliveredSeq"/>, every stream of the queue, which the pulling agent walks in
/// order); <see cref="PendingRows"/> and <see cref="PendingEvents"/> count only the subscription's own stream above
/// what it was given.
/// </summary>
internal sealed record SubscriptionLag(
    Guid SubscriptionId,
    int QueueId,
    string StreamNamespace,
    string StreamKey,
    long DeliveredSeq,
    long HeadSeq,
    long PendingRows,
    long PendingEvents,
    DateTimeOffset UpdatedAt)
{
    public long QueueRows => Math.Max(0, HeadSeq - DeliveredSeq);
}
