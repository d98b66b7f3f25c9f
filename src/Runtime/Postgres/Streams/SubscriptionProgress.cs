namespace TgeSwarm.Runtime.Postgres.Streams;

/// <summary>
/// How far one subscription has been served: every row of its queue up to <paramref name="DeliveredSeq"/> that
/// belongs to its stream has been delivered to it (or dead-lettered).
/// </summary>
internal readonly record struct SubscriptionProgress(
    Guid SubscriptionId, int QueueId, string StreamNamespace, string StreamKey, long DeliveredSeq);
