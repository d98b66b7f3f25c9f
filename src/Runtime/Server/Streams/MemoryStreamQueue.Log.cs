using Microsoft.Extensions.Logging;

namespace TgeSwarm.Runtime.Streams;

internal sealed partial class MemoryStreamQueue<T>
{
    [LoggerMessage(EventId = StreamEventIds.DeliveryFailed, Level = LogLevel.Warning,
        Message = "Dropped {Count} events of stream {StreamId} (provider {Provider}) for {Consumer}: the delivery failed with {ExceptionType}: {Reason}")]
    private static partial void LogDeliveryFailed(ILogger logger, int count, StreamId streamId, string provider, GrainId consumer, string exceptionType, string reason);

    [LoggerMessage(EventId = StreamEventIds.PubSubRefreshFailed, Level = LogLevel.Warning,
        Message = "Could not read the subscriptions of stream {StreamId} (provider {Provider}); implicit subscribers are still served and the read is retried.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, StreamId streamId, string provider);

    [LoggerMessage(EventId = StreamEventIds.QueueRetired, Level = LogLevel.Debug,
        Message = "The queue of stream {StreamId} (provider {Provider}) on this silo retired.")]
    private static partial void LogRetired(ILogger logger, StreamId streamId, string provider);

    [LoggerMessage(EventId = StreamEventIds.PumpFailed, Level = LogLevel.Error,
        Message = "The queue of stream {StreamId} (provider {Provider}) failed and was retired; its queued events are lost.")]
    private static partial void LogPumpFailed(ILogger logger, Exception exception, StreamId streamId, string provider);
}
