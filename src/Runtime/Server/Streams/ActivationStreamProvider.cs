using TgeSwarm.Runtime.Catalog;

namespace TgeSwarm.Runtime.Streams;

/// <summary>A stream provider as one activation sees it: its streams subscribe on behalf of that activation.</summary>
internal sealed class ActivationStreamProvider(
    IStreamProviderRuntime provider, StreamSubscriptionManager subscriptions, StreamRuntimeServices runtime, ActivationData? activation) : IStreamProvider
{
    public string Name => provider.Name;

    public bool IsRewindable => provider.IsRewindable;

    public IAsyncStream<T> GetStream<T>(StreamId streamId)
    {
        if (streamId.IsDefault)
        {
            throw new ArgumentException("The stream id is empty: create one with StreamId.Create(namespace, key).", nameof(streamId));
        }

        return new SiloAsyncStream<T>(provider, subscriptions, runtime, activation, streamId);
    }
}
