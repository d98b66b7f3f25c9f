namespace TgeSwarm.Runtime;

/// <summary>
/// One subscription of one grain to one stream. Handles outlive activations: a grain that subscribed explicitly
/// finds its handles with <see cref="IAsyncStream{T}.GetAllSubscriptionHandles"/> after it was reactivated and
/// resumes them (usually in <c>OnActivateAsync</c>); until it does, events for the subscription are dropped and
/// counted.
/// </summary>
public abstract class StreamSubscriptionHandle<T> : IEquatable<StreamSubscriptionHandle<T>>
{
    public abstract Guid HandleId { get; }

    public abstract StreamId StreamId { get; }

    public abstract string ProviderName { get; }

    /// <summary>Whether this is the grain's implicit subscription (it cannot be removed, only detached).</summary>
    public abstract bool IsImplicit { get; }

    /// <summary>Attaches <paramref name="observer"/> to this subscription in the calling activation.</summary>
    public abstract Task<StreamSubscriptionHandle<T>> ResumeAsync(IAsyncObserver<T> observer, StreamSequenceToken? token = null);

    public abstract Task<StreamSubscriptionHandle<T>> ResumeAsync(IAsyncBatchObserver<T> observer, StreamSequenceToken? token = null);

    /// <summary>
    /// Ends the subscription: once this completes, no further event is delivered for it. An implicit subscription
    /// is only detached from this activation.
    /// </summary>
    public abstract Task UnsubscribeAsync();

    public bool Equals(StreamSubscriptionHandle<T>? other) =>
        other is not null && HandleId == other.HandleId && StreamId == other.StreamId && string.Equals(ProviderName, other.ProviderName, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is StreamSubscriptionHandle<T> other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(HandleId, StreamId);

    public override string ToString() => $"{ProviderName}:{StreamId}#{HandleId:N}";
}
