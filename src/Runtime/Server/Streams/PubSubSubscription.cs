namespace TgeSwarm.Runtime.Streams;

/// <summary>One explicit subscription as the pub-sub store keeps it: who consumes, and from where it started.</summary>
[GenerateSerializer]
[Alias("stream.PubSubSubscription")]
internal sealed record PubSubSubscription(
    [property: Id(0)] Guid Id,
    [property: Id(1)] GrainId Consumer,
    [property: Id(2)] long StartSequence)
{
    /// <summary>Whether the subscription asked to start at a sequence number (a rewind), not at the stream's head.</summary>
    public bool HasStart => StartSequence >= 0;
}
