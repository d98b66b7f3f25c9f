namespace TgeSwarm.Runtime;

/// <summary>
/// One stream of <typeparamref name="T"/> events, for producing and for subscribing. Producing completes when the
/// provider has accepted the events: into a bounded in-memory queue (memory streams; the call waits while the
/// queue is full, which is the producer's backpressure) or into PostgreSQL (PostgreSQL streams). Events reach
/// every subscription in the order one producer sent them.
/// </summary>
public interface IAsyncStream<T> : IEquatable<IAsyncStream<T>>
{
    StreamId StreamId { get; }

    string ProviderName { get; }

    bool IsRewindable { get; }

    Task OnNextAsync(T item, StreamSequenceToken? token = null, CancellationToken cancellationToken = default);

    /// <summary>Sends a batch; consumers receive it in one turn when it fits the provider's batch size.</summary>
    Task OnNextBatchAsync(IEnumerable<T> batch, StreamSequenceToken? token = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Subscribes the calling grain. On the grain's own implicit stream this attaches <paramref name="observer"/> to
    /// the implicit subscription (do it in <c>OnActivateAsync</c>); otherwise it creates an explicit subscription,
    /// kept in the <c>PubSubStore</c> grain storage until it is unsubscribed, even across deactivations.
    /// </summary>
    Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncObserver<T> observer, StreamSequenceToken? token = null);

    /// <summary>As <see cref="SubscribeAsync(IAsyncObserver{T}, StreamSequenceToken?)"/>, receiving whole batches.</summary>
    Task<StreamSubscriptionHandle<T>> SubscribeAsync(IAsyncBatchObserver<T> observer, StreamSequenceToken? token = null);

    /// <summary>The calling grain's subscriptions to this stream (explicit ones, and its implicit one if it has it).</summary>
    Task<IList<StreamSubscriptionHandle<T>>> GetAllSubscriptionHandles();
}
