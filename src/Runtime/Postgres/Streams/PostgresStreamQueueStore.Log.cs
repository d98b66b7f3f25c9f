using Microsoft.Extensions.Logging;

namespace TgeSwarm.Runtime.Postgres.Streams;

internal sealed partial class PostgresStreamQueueStore
{
    // Warning: an event left the delivery path; operators look at these.
    [LoggerMessage(EventId = PostgresStreamEventIds.EventDeadLettered, Level = LogLevel.Warning,
        Message = "Stream provider {Provider} dead-lettered queue {QueueId} seq {Seq} event {EventIndex} of stream {StreamNamespace}/{StreamKey} " +
            "for subscription {SubscriptionId} ({Consumer}) after {Attempts} attempts as letter {LetterId}: {LastError}")]
    private static partial void LogDeadLettered(
        ILogger logger, string provider, int queueId, long seq, int eventIndex, string streamNamespace, string streamKey,
        Guid subscriptionId, string consumer, int attempts, long letterId, string lastError);

    [LoggerMessage(EventId = PostgresStreamEventIds.QueueTrimmed, Level = LogLevel.Debug,
        Message = "Stream provider {Provider} trimmed {Rows} acknowledged rows past retention from queue {QueueId}")]
    private static partial void LogTrimmed(ILogger logger, string provider, int queueId, int rows);

    // Error: only a bug in the caller gets here, and it would have skipped rows.
    [LoggerMessage(EventId = PostgresStreamEventIds.CheckpointBeyondHead, Level = LogLevel.Error,
        Message = "Stream provider {Provider} refused checkpoint {AckedSeq} of queue {QueueId}: the queue's head is {HeadSeq}")]
    private static partial void LogCheckpointBeyondHead(ILogger logger, string provider, int queueId, long ackedSeq, long headSeq);
}
