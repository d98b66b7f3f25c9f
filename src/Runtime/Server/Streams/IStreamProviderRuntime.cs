namespace TgeSwarm.Runtime.Streams;

/// <summary>
/// The silo-wide half of a stream provider: where produced events go and how they reach subscriptions.
/// Subscribing is the same for every provider (<see cref="StreamSubscriptionManager"/>); providers differ in
/// queueing and delivery guarantees.
/// </summary>
internal interface IStreamProviderRuntime
{
    string Name { get; }

    bool IsRewindable { get; }

    /// <summary>
    /// Accepts <paramref name="items"/>, which the provider now owns (the caller copied them). Completes when they
    /// are queued; waits while the provider's queue for the stream is full.
    /// </summary>
    ValueTask ProduceAsync<T>(StreamId streamId, T[] items, CancellationToken cancellationToken);

    /// <summary>A rendezvous grain pushed the stream's complete explicit subscription list (kept only if newer).</summary>
    void OnSubscriptionsChanged(StreamId streamId, PubSubSnapshot snapshot);

    /// <summary>
    /// Stops the provider's background work as the silo stops, before its messaging does, so nothing waits on a
    /// response that can no longer come.
    /// </summary>
    Task StopAsync(CancellationToken cancellationToken);
}
