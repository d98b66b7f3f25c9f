namespace TgeSwarm.Runtime.Streams;

/// <summary>
/// One subscription a queue delivers to. <paramref name="StartSequence"/> is where a rewinding subscription starts
/// (persistent streams), or -1.
/// </summary>
internal sealed record StreamTarget(Guid SubscriptionId, GrainId Consumer, StreamConsumerReference Reference, long StartSequence = -1)
{
    public bool Rewinds => StartSequence >= 0;
}
