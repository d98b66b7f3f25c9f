namespace TgeSwarm.Runtime.Configuration;

/// <summary>Reminder settings of a silo. Names and defaults follow Orleans (<c>ReminderOptions</c>).</summary>
public sealed class ReminderOptions
{
    /// <summary>
    /// The shortest period a grain may register; a shorter one is refused with an exception. Default 1 minute, as
    /// Orleans: reminders are durable, table-backed schedules, not timers. Tests may lower it to a second or so.
    /// </summary>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often each silo re-reads the reminders of its share of the ring from the table, on top of reading them at
    /// every membership change and being told of each registration. Default 5 minutes.
    /// </summary>
    public TimeSpan RefreshReminderListPeriod { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a starting silo may take to load its reminders before its start fails. Default 5 minutes.</summary>
    public TimeSpan InitializationTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// What happens to ticks that fell due while no silo ran the reminder (the cluster was down, or the silo running it
    /// crashed). Default <see cref="ReminderMissedTickPolicy.Drop"/>, as Orleans.
    /// </summary>
    public ReminderMissedTickPolicy MissedTickPolicy { get; set; } = ReminderMissedTickPolicy.Drop;
}
