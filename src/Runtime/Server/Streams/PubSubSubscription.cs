using System.Text.Json.Serialization;

namespace TgeSwarm.Runtime.Streams;

/// <summary>
/// One explicit subscription as the pub-sub store keeps it: who consumes, and the sequence number it rewinds from
/// (persistent streams), or -1. Plain values only (the consumer as its <c>type/key</c> text), so every grain
/// storage format can hold it, JSON included.
/// </summary>
[GenerateSerializer]
[Alias("stream.PubSubSubscription")]
internal sealed record PubSubSubscription(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Consumer,
    [property: Id(2)] long StartSequence)
{
    public static PubSubSubscription For(Guid id, GrainId consumer, long startSequence) => new(id, consumer.ToString(), startSequence);

    [JsonIgnore]
    public GrainId ConsumerId => GrainId.Parse(Consumer);
}
