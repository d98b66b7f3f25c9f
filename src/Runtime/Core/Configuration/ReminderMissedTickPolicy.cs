namespace TgeSwarm.Runtime.Configuration;

/// <summary>What a silo that takes over a reminder does about ticks that fell due while no silo ran it.</summary>
public enum ReminderMissedTickPolicy
{
    /// <summary>
    /// Orleans' behaviour: missed ticks are dropped; the next tick is the next scheduled time (start time plus a whole
    /// number of periods) from now on.
    /// </summary>
    Drop = 0,

    /// <summary>
    /// One tick is delivered at once, whose <see cref="TickStatus.MissedTicks"/> counts the scheduled ticks it stands
    /// for; then ticks go on at the next scheduled time. To know what was missed, the silo running a reminder records
    /// the scheduled time of every tick it delivers in the table (one write per tick).
    /// </summary>
    CatchUp = 1,
}
