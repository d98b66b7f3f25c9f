using TgeSwarm.Runtime.Catalog;

namespace TgeSwarm.Runtime.Streams;

/// <summary>
/// Subscribing, listing, resuming and unsubscribing, the same for every provider. Implicit subscriptions live only
/// in the consumer's activation (their ids are derived); explicit ones are attached locally first and then recorded
/// with the stream's rendezvous grain, which tells the producers before the call returns.
/// </summary>
internal sealed class StreamSubscriptionManager(StreamRuntimeServices runtime)
{
    public async Task<StreamSubscriptionHandle<T>> SubscribeAsync<T>(
        IStreamProviderRuntime provider, StreamId streamId, ActivationData consumer, IStreamHandler handler, StreamSequenceToken? token)
    {
        ValidateToken(provider, token);
        if (runtime.ImplicitSubscriptions.IsImplicitSubscriber(consumer.GrainId, streamId))
        {
            if (token is not null)
            {
                throw new NotSupportedException(
                    $"The implicit subscription of {consumer.GrainId} to {streamId} starts where the stream is; subscribe explicitly to another stream to rewind.");
            }

            var implicitId = ImplicitSubscriptionId.For(consumer.GrainId.Type, provider.Name, streamId);
            consumer.StreamConsumers.Attach(provider.Name, streamId, implicitId, handler);
            return new SiloSubscriptionHandle<T>(this, provider, consumer, streamId, implicitId, isImplicit: true);
        }

        var subscriptionId = Guid.NewGuid();
        await RegisterAsync(provider, streamId, consumer, subscriptionId, handler, token);
        return new SiloSubscriptionHandle<T>(this, provider, consumer, streamId, subscriptionId, isImplicit: false);
    }

    public async Task<IList<StreamSubscriptionHandle<T>>> GetHandlesAsync<T>(IStreamProviderRuntime provider, StreamId streamId, ActivationData consumer)
    {
        var handles = new List<StreamSubscriptionHandle<T>>();
        if (runtime.ImplicitSubscriptions.IsImplicitSubscriber(consumer.GrainId, streamId))
        {
            var implicitId = ImplicitSubscriptionId.For(consumer.GrainId.Type, provider.Name, streamId);
            handles.Add(new SiloSubscriptionHandle<T>(this, provider, consumer, streamId, implicitId, isImplicit: true));
        }

        foreach (var subscription in await runtime.PubSub(provider.Name, streamId).GetConsumerSubscriptions(consumer.GrainId))
        {
            handles.Add(new SiloSubscriptionHandle<T>(this, provider, consumer, streamId, subscription.Id, isImplicit: false));
        }

        return handles;
    }

    public async Task ResumeAsync(ISiloSubscriptionHandle handle, IStreamHandler handler, StreamSequenceToken? token)
    {
        ValidateToken(handle.Provider, token);
        if (token is null)
        {
            handle.Consumer.StreamConsumers.Attach(handle.Provider.Name, handle.StreamId, handle.HandleId, handler);
            return;
        }

        if (handle.IsImplicit)
        {
            throw new NotSupportedException($"The implicit subscription of {handle.Consumer.GrainId} to {handle.StreamId} cannot be rewound.");
        }

        // Re-recording the subscription with a start point asks the provider to replay from there.
        await RegisterAsync(handle.Provider, handle.StreamId, handle.Consumer, handle.HandleId, handler, token);
    }

    public async Task UnsubscribeAsync(ISiloSubscriptionHandle handle)
    {
        handle.Consumer.StreamConsumers.Detach(handle.Provider.Name, handle.StreamId, handle.HandleId);
        if (!handle.IsImplicit)
        {
            await runtime.PubSub(handle.Provider.Name, handle.StreamId).UnregisterConsumer(handle.HandleId);
        }
    }

    private async Task RegisterAsync(
        IStreamProviderRuntime provider, StreamId streamId, ActivationData consumer, Guid subscriptionId, IStreamHandler handler, StreamSequenceToken? token)
    {
        // Attached before it is recorded, so the first event after the producers hear of it finds its handler.
        consumer.StreamConsumers.Attach(provider.Name, streamId, subscriptionId, handler);
        var recorded = false;
        try
        {
            await runtime.PubSub(provider.Name, streamId).RegisterConsumer(PubSubSubscription.For(subscriptionId, consumer.GrainId, token?.SequenceNumber ?? -1));
            recorded = true;
        }
        finally
        {
            if (!recorded)
            {
                consumer.StreamConsumers.Detach(provider.Name, streamId, subscriptionId);
            }
        }

        if (token is not null && provider is Persistent.PersistentStreamProvider persistent)
        {
            await persistent.AnnounceRewindAsync(streamId);
        }
    }

    private static void ValidateToken(IStreamProviderRuntime provider, StreamSequenceToken? token)
    {
        if (token is not null && !provider.IsRewindable)
        {
            throw new ArgumentException(
                $"Stream provider '{provider.Name}' cannot rewind: memory streams keep no history. Subscribe without a token, or use a PostgreSQL stream provider.",
                nameof(token));
        }
    }
}
