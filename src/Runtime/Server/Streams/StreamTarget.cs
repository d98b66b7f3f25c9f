namespace TgeSwarm.Runtime.Streams;

/// <summary>One subscription a producing queue delivers to.</summary>
internal sealed record StreamTarget(Guid SubscriptionId, GrainId Consumer, StreamConsumerReference Reference);
