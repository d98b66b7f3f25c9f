using Microsoft.Extensions.Logging;

namespace TgeSwarm.Runtime.Streams;

/// <summary>
/// The stream handlers one activation has attached, by provider, stream and subscription. Only touched in the
/// activation's turns (deliveries are turns; subscribing happens in grain code), so it needs no lock.
/// </summary>
internal sealed partial class StreamConsumers(GrainId grainId, StreamInstruments instruments, ILogger logger) : IStreamFailureSink
{
    private readonly Dictionary<SubscriptionKey, IStreamHandler> _handlers = [];
    private readonly HashSet<SubscriptionKey> _detached = [];

    public void Attach(string provider, StreamId streamId, Guid subscriptionId, IStreamHandler handler)
    {
        var key = new SubscriptionKey(provider, streamId, subscriptionId);
        _detached.Remove(key);
        _handlers[key] = handler;
    }

    public void Detach(string provider, StreamId streamId, Guid subscriptionId)
    {
        var key = new SubscriptionKey(provider, streamId, subscriptionId);
        _handlers.Remove(key);
        _detached.Add(key);
    }

    public async Task DeliverAsync(StreamDeliveryRequest delivery)
    {
        var key = new SubscriptionKey(delivery.Provider, delivery.StreamId, delivery.SubscriptionId);
        var count = delivery.Count;
        if (!_handlers.TryGetValue(key, out var handler))
        {
            if (_detached.Contains(key))
            {
                instruments.Dropped(delivery.Provider, DropReasons.Unsubscribed, count);
                return;
            }

            instruments.Dropped(delivery.Provider, DropReasons.NoHandler, count);
            LogNoHandler(logger, count, delivery.StreamId, delivery.Provider, grainId, delivery.SubscriptionId);
            return;
        }

        if (delivery.Items is not Array items || !handler.EventType.IsAssignableFrom(items.GetType().GetElementType()))
        {
            instruments.Dropped(delivery.Provider, DropReasons.TypeMismatch, count);
            var produced = delivery.Items?.GetType().GetElementType()?.FullName ?? "nothing";
            LogTypeMismatch(logger, count, delivery.StreamId, produced, handler.EventType.FullName, grainId);
            if (delivery.StopOnError)
            {
                throw new InvalidCastException(
                    $"Stream {delivery.StreamId} carries {produced} events but {grainId} subscribed for {handler.EventType.FullName}.");
            }

            return;
        }

        var failed = await handler.HandleAsync(delivery, this);
        instruments.EventsDelivered.Add(count - failed, new KeyValuePair<string, object?>("provider", delivery.Provider));
    }

    public void OnEventFailed(StreamDeliveryRequest delivery, int index, Exception exception)
    {
        instruments.Dropped(delivery.Provider, DropReasons.ConsumerFailed, 1);
        LogConsumerFailed(logger, exception, grainId, delivery.StreamId, delivery.Provider, new StreamSequenceToken(delivery.Sequence, index));
    }

    private readonly record struct SubscriptionKey(string Provider, StreamId StreamId, Guid SubscriptionId);

    [LoggerMessage(EventId = StreamEventIds.EventDroppedNoHandler, Level = LogLevel.Warning,
        Message = "Dropped {Count} events of stream {StreamId} (provider {Provider}) for {GrainId}: subscription {SubscriptionId} has no handler in this activation. Subscribe (implicit) or resume the handle (explicit) in OnActivateAsync.")]
    private static partial void LogNoHandler(ILogger logger, int count, StreamId streamId, string provider, GrainId grainId, Guid subscriptionId);

    [LoggerMessage(EventId = StreamEventIds.EventTypeMismatch, Level = LogLevel.Error,
        Message = "Dropped {Count} events of stream {StreamId}: they are {ProducedType} but {GrainId} subscribed for {HandlerType}.")]
    private static partial void LogTypeMismatch(ILogger logger, int count, StreamId streamId, string producedType, string? handlerType, GrainId grainId);

    [LoggerMessage(EventId = StreamEventIds.ConsumerFailed, Level = LogLevel.Warning,
        Message = "{GrainId} failed on the event {Token} of stream {StreamId} (provider {Provider}); the event is dropped.")]
    private static partial void LogConsumerFailed(ILogger logger, Exception exception, GrainId grainId, StreamId streamId, string provider, StreamSequenceToken token);
}
