namespace TgeSwarm.Runtime.Streams;

/// <summary>
/// What one stream's rendezvous grain persists: its explicit subscriptions and the silos producing to it (as
/// <see cref="SiloAddress"/> text), in plain values every grain storage format can hold.
/// </summary>
[GenerateSerializer]
[Alias("stream.PubSubState")]
internal sealed class PubSubState
{
    [Id(0)]
    public List<PubSubSubscription> Subscriptions { get; set; } = [];

    [Id(1)]
    public List<string> Producers { get; set; } = [];
}
