namespace TgeSwarm.Runtime.Streams;

/// <summary>Applies pushed subscription changes to this silo's producing queues. Reentrant: it never waits on grains.</summary>
[Reentrant]
internal sealed class StreamControlTarget(StreamProviderRegistry providers) : Grain, IStreamControl
{
    public Task SubscriptionsChanged(string provider, string streamNamespace, string streamKey, PubSubSnapshot snapshot)
    {
        providers.Get(provider).OnSubscriptionsChanged(StreamId.Create(streamNamespace, streamKey), snapshot);
        return Task.CompletedTask;
    }
}
