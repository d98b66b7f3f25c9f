using Microsoft.Extensions.Logging;

namespace TgeSwarm.Runtime.Reminders;

internal sealed partial class LocalReminderService
{
    [LoggerMessage(ReminderEventIds.ServiceStarted, LogLevel.Information, "Reminder service started: {Count} reminders in {Ranges} ranges of a ring of {Silos} silos")]
    private static partial void LogStarted(ILogger logger, int count, int ranges, int silos);

    [LoggerMessage(ReminderEventIds.ServiceStopped, LogLevel.Debug, "Reminder service stopped {Count} reminders")]
    private static partial void LogStopped(ILogger logger, int count);

    [LoggerMessage(ReminderEventIds.RemindersLoaded, LogLevel.Debug, "Read {Count} reminders in {Ranges} ranges of a ring of {Silos} silos; started {Started}, stopped {Stopped}")]
    private static partial void LogLoaded(ILogger logger, int count, int ranges, int silos, int started, int stopped);

    [LoggerMessage(ReminderEventIds.LoadFailed, LogLevel.Warning, "Reading this silo's reminders from the table failed; trying again in {Delay}")]
    private static partial void LogLoadFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(ReminderEventIds.WorkerFailed, LogLevel.Warning, "Applying the table's state of {Work} failed; re-reading every reminder of this silo in {Delay}")]
    private static partial void LogWorkFailed(ILogger logger, Exception exception, string work, TimeSpan delay);

    [LoggerMessage(ReminderEventIds.RecordTickFailed, LogLevel.Warning, "Recording the tick at {FiredAt:O} of reminder '{ReminderName}' of grain {GrainId} failed; a silo taking it over may count that tick as missed")]
    private static partial void LogRecordTickFailed(ILogger logger, Exception exception, string reminderName, GrainId grainId, DateTime firedAt);

    [LoggerMessage(ReminderEventIds.NotifyFailed, LogLevel.Information, "Could not tell silo {Owner} that reminder '{ReminderName}' of grain {GrainId} changed; the silo running it loads the change from the table when the membership view changes or at its next refresh")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception, string reminderName, GrainId grainId, SiloAddress owner);

    [LoggerMessage(ReminderEventIds.ChangeForwardLimit, LogLevel.Debug, "The change of reminder '{ReminderName}' of grain {GrainId} passed {Hops} silos while views disagree on its owner ({Owner} by this one); applying it here")]
    private static partial void LogForwardLimit(ILogger logger, string reminderName, GrainId grainId, SiloAddress owner, int hops);
}
