using TgeSwarm.Runtime.Catalog;

namespace TgeSwarm.Runtime.Streams;

/// <summary>
/// A stream as one grain sees it. Produced events are deep-copied first (the producer may reuse or change its
/// objects after the call), unless their type is immutable; subscribing needs the calling activation.
/// </summary>
internal sealed class SiloAsyncStream<T>(
    IStreamProviderRuntime provider, StreamSubscriptionManager subscriptions, StreamRuntimeServices runtime, ActivationData? activation, StreamId streamId)
    : IAsyncStream<T>
{
    public StreamId StreamId => streamId;

    public string ProviderName => provider.Name;

    public bool IsRewindable => provider.IsRewindable;

    public Task OnNextAsync(T item, StreamSequenceToken? token = null, CancellationToken cancellationToken = default)
    {
        RejectProducerToken(token);
        return provider.ProduceAsync(streamId, [runtime.Codecs.GetCodec<T>().DeepCopy(item)], cancellationToken).AsTask();
    }

    public Task OnNextBatchAsync(IEnumerable<T> batch, StreamSequenceToken? token = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        RejectProducerToken(token);
        var codec = runtime.Codecs.GetCodec<T>();
        T[] items;
        if (batch is ICollection<T> collection)
        {
            items = new T[collection.Count];
            var i = 0;
            foreach (var item in collection)
            {
                items[i++] = codec.DeepCopy(item);
            }
        }
        else
        {
            items = [.. batch.Select(codec.DeepCopy)];
        }

        return items.Length == 0 ? Task.CompletedTask : provider.ProduceAsync(streamId, items, cancellationToken).AsTask();
    }

    public Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer, StreamSequenceToken? token = null)
    {
        ArgumentNullException.ThrowIfNull(observer);
        return subscriptions.SubscribeAsync<T>(provider, streamId, RequireConsumer(), new ObserverHandler<T>(observer), token);
    }

    public Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncBatchObserver<T> observer, StreamSequenceToken? token = null)
    {
        ArgumentNullException.ThrowIfNull(observer);
        return subscriptions.SubscribeAsync<T>(provider, streamId, RequireConsumer(), new BatchObserverHandler<T>(observer), token);
    }

    public Task<IList<StreamSubscriptionHandle<T>>> GetAllSubscriptionHandles() => subscriptions.GetHandlesAsync<T>(provider, streamId, RequireConsumer());

    public bool Equals(IAsyncStream<T>? other) =>
        other is not null && other.StreamId == streamId && string.Equals(other.ProviderName, provider.Name, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is IAsyncStream<T> other && Equals(other);

    public override int GetHashCode() => streamId.GetHashCode();

    public override string ToString() => $"{provider.Name}:{streamId}";

    private ActivationData RequireConsumer() =>
        activation ?? throw new InvalidOperationException(
            $"Subscribing to {streamId} needs a grain: get the stream from this.GetStreamProvider(\"{provider.Name}\") inside the consuming grain.");

    private static void RejectProducerToken(StreamSequenceToken? token)
    {
        if (token is not null)
        {
            throw new ArgumentException("Producers cannot choose sequence tokens: the provider assigns them. Pass no token.", nameof(token));
        }
    }
}
