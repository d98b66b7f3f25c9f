using Microsoft.Extensions.Logging;

namespace TgeSwarm.Runtime.Streams.Persistent;

internal sealed partial class PullingAgent
{
    [LoggerMessage(EventId = StreamEventIds.AgentStarted, Level = LogLevel.Information, Message = "Pulling queue {QueueId} of stream provider {Provider}")]
    private static partial void LogAgentStarted(ILogger logger, int queueId, string provider);

    [LoggerMessage(EventId = StreamEventIds.AgentStopped, Level = LogLevel.Information, Message = "Stopped pulling queue {QueueId} of stream provider {Provider}")]
    private static partial void LogAgentStopped(ILogger logger, int queueId, string provider);

    [LoggerMessage(EventId = StreamEventIds.AgentFailed, Level = LogLevel.Warning,
        Message = "Pulling queue {QueueId} of stream provider {Provider} failed; the rows since the last acknowledgement will be delivered again")]
    private static partial void LogAgentFailed(ILogger logger, Exception exception, int queueId, string provider);

    [LoggerMessage(EventId = StreamEventIds.DeliveryRetry, Level = LogLevel.Warning,
        Message = "Delivering row {Seq} of stream {StreamId} to {Consumer} failed (attempt {Attempt} of {MaxAttempts}) with {ExceptionType}: {Reason}")]
    private static partial void LogDeliveryRetry(ILogger logger, GrainId consumer, StreamId streamId, long seq, int attempt, int maxAttempts, string exceptionType, string reason);

    [LoggerMessage(EventId = StreamEventIds.DeadLettered, Level = LogLevel.Error,
        Message = "Dead-lettered {Count} events of stream {StreamId} (row {Seq}) for {Consumer} after {Attempts} attempts: {Reason}")]
    private static partial void LogDeadLettered(ILogger logger, int count, StreamId streamId, long seq, string consumer, int attempts, string reason);

    [LoggerMessage(EventId = StreamEventIds.Rewound, Level = LogLevel.Information,
        Message = "Replayed stream {StreamId} to {Consumer} from seq {From} up to the checkpoint {Checkpoint}")]
    private static partial void LogRewound(ILogger logger, GrainId consumer, StreamId streamId, long from, long checkpoint);

    [LoggerMessage(EventId = StreamEventIds.Trimmed, Level = LogLevel.Debug, Message = "Retention deleted {Rows} rows of queue {QueueId} of stream provider {Provider}")]
    private static partial void LogTrimmed(ILogger logger, int rows, int queueId, string provider);
}
