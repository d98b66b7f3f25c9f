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

    /// <summary>Set when the state is first written; a new one means versions start again.</summary>
    [Id(2)]
    public Guid Epoch { get; set; }

    /// <summary>Raised with every change of <see cref="Subscriptions"/>.</summary>
    [Id(3)]
    public long Version { get; set; }

    public PubSubSnapshot Snapshot() => new(Epoch, Version, [.. Subscriptions]);
}
