namespace TgeSwarm.Runtime;

/// <summary>
/// What a reminder tick knows about its schedule: when the first tick was due, the period, and the time this tick
/// was delivered. All times are UTC.
/// </summary>
/// <param name="FirstTickTime">When the first tick of the current registration was due.</param>
/// <param name="Period">The time between ticks.</param>
/// <param name="CurrentTickTime">When this tick was fired.</param>
[GenerateSerializer]
[Immutable]
public readonly record struct TickStatus(DateTime FirstTickTime, TimeSpan Period, DateTime CurrentTickTime)
{
    /// <summary>
    /// How many scheduled ticks this one stands for that were not delivered while no silo ran the reminder (the cluster
    /// was down, or its owner crashed). Always 0 unless <c>ReminderOptions.MissedTickPolicy</c> is
    /// <c>CatchUp</c>; then the first tick after such a gap carries the count, and ticks go on from the next scheduled
    /// time.
    /// </summary>
    public int MissedTicks { get; init; }

    public override string ToString() =>
        $"first {FirstTickTime:O}, period {Period}, current {CurrentTickTime:O}" + (MissedTicks > 0 ? $", {MissedTicks} missed" : "");
}
