namespace TgeSwarm.Runtime.Reminders;

/// <summary>Event ids of the reminder service's log messages: the block 800-829.</summary>
internal static class ReminderEventIds
{
    public const int ServiceStarted = 800;
    public const int ServiceStopped = 801;
    public const int RemindersLoaded = 802;
    public const int LoadFailed = 803;
    public const int TickFailed = 804;
    public const int TickSkipped = 805;
    public const int TicksCaughtUp = 806;
    public const int RecordTickFailed = 807;
    public const int NotifyFailed = 808;
    public const int ChangeForwardLimit = 809;
    public const int RegistrationConflict = 810;
    public const int WorkerFailed = 811;
}
