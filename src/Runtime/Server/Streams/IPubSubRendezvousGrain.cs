namespace TgeSwarm.Runtime.Streams;

/// <summary>
/// The meeting point of one stream's producers and explicit consumers, keyed <c>provider/namespace/key</c>.
/// Producers (one queue per producing silo) learn the subscriptions from it and are told of every change before a
/// subscribe or unsubscribe call returns, which is what makes "subscribed means delivered" hold.
/// </summary>
[Alias("stream.pubsub")]
internal interface IPubSubRendezvousGrain : IGrainWithStringKey
{
    /// <summary>Records <paramref name="producer"/> as producing to the stream and returns the current subscriptions.</summary>
    Task<PubSubSnapshot> RegisterProducer(SiloAddress producer);

    Task UnregisterProducer(SiloAddress producer);

    Task RegisterConsumer(PubSubSubscription subscription);

    Task UnregisterConsumer(Guid subscriptionId);

    /// <summary>The explicit subscriptions of <paramref name="consumer"/>.</summary>
    Task<List<PubSubSubscription>> GetConsumerSubscriptions(GrainId consumer);
}
