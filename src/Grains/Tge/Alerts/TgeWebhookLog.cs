using Microsoft.Extensions.Logging;

namespace TgeSwarm.Grains.Tge.Alerts;

/// <summary>Webhook delivery's log lines, one set for the in-memory lanes and the PostgreSQL outbox (ids in <see cref="TgeDetectionEventIds"/>).</summary>
internal static partial class TgeWebhookLog
{
    [LoggerMessage(EventId = TgeDetectionEventIds.WebhookDelivered, Level = LogLevel.Debug, Message = "Webhook {Host} took {Delivery} (try {Attempt})")]
    public static partial void Delivered(ILogger logger, string delivery, string host, int attempt);

    [LoggerMessage(EventId = TgeDetectionEventIds.WebhookRetrying, Level = LogLevel.Warning, Message = "Webhook {Host} failed {Delivery} on try {Attempt} ({Detail}); trying again in {Delay}")]
    public static partial void Retrying(ILogger logger, string delivery, string host, int attempt, string detail, TimeSpan delay);

    [LoggerMessage(EventId = TgeDetectionEventIds.WebhookGivenUp, Level = LogLevel.Error, Message = "Webhook {Host}: gave up {Delivery} after {Attempts} tries; last: {Detail}")]
    public static partial void GivenUp(ILogger logger, string delivery, string host, int attempts, string detail);

    [LoggerMessage(EventId = TgeDetectionEventIds.WebhookRefused, Level = LogLevel.Error, Message = "Webhook {Host} refused {Delivery} with status {Status} ({Detail}); not retried")]
    public static partial void Refused(ILogger logger, string delivery, string host, int status, string detail);

    [LoggerMessage(EventId = TgeDetectionEventIds.WebhookDropped, Level = LogLevel.Warning, Message = "Webhook {Host} lane full ({Capacity} notices per webhook): dropped the oldest, {Slug} version {Version}")]
    public static partial void Dropped(ILogger logger, string slug, int version, string host, int capacity);

    [LoggerMessage(EventId = TgeDetectionEventIds.WebhookAbandoned, Level = LogLevel.Warning, Message = "Webhook {Host} stopped with {Queued} notices undelivered in a lane")]
    public static partial void Abandoned(ILogger logger, string host, int queued);

    [LoggerMessage(EventId = TgeDetectionEventIds.OutboxLeaseLost, Level = LogLevel.Warning, Message = "Webhook {Host}: the outcome of {Delivery} was not recorded, the row's lease had passed to another owner (it may be sent again; receivers dedupe on the delivery id)")]
    public static partial void LeaseLost(ILogger logger, string delivery, string host);

    [LoggerMessage(EventId = TgeDetectionEventIds.OutboxFailed, Level = LogLevel.Error, Message = "Webhook outbox {Host}: {Step} failed; trying again in {Delay}")]
    public static partial void OutboxFailed(ILogger logger, Exception exception, string host, string step, TimeSpan delay);

    [LoggerMessage(EventId = TgeDetectionEventIds.OutboxStopped, Level = LogLevel.Information, Message = "Webhook outbox stopped with {InFlight} tries cut short; their rows go to another silo when the lease ends")]
    public static partial void OutboxStopped(ILogger logger, int inFlight);

    [LoggerMessage(EventId = TgeDetectionEventIds.OutboxPumpEnded, Level = LogLevel.Critical, Message = "Webhook outbox {Host}: the delivery pump ended on an unexpected error; this silo delivers nothing more to it (other silos go on, its claims expire)")]
    public static partial void PumpEnded(ILogger logger, Exception exception, string host);
}
