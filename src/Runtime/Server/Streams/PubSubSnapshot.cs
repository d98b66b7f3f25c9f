namespace TgeSwarm.Runtime.Streams;

/// <summary>
/// A stream's explicit subscriptions as of one version of its rendezvous grain's state. Producers get snapshots two
/// ways, pulled (registering) and pushed (changes), which can arrive out of order; the version lets them keep the
/// newest. The epoch changes when the state starts afresh (a lost in-memory store), so its versions restart.
/// </summary>
[GenerateSerializer]
[Alias("stream.PubSubSnapshot")]
internal sealed record PubSubSnapshot(
    [property: Id(0)] Guid Epoch,
    [property: Id(1)] long Version,
    [property: Id(2)] List<PubSubSubscription> Subscriptions);
