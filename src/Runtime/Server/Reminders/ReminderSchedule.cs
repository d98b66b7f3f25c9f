namespace TgeSwarm.Runtime.Reminders;

/// <summary>
/// The arithmetic of a schedule whose tick n is due at <c>start + n × period</c> (n ≥ 0). Pure functions on UTC times,
/// saturating at the last representable time rather than overflowing.
/// </summary>
internal static class ReminderSchedule
{
    private static readonly DateTime End = new(DateTime.MaxValue.Ticks, DateTimeKind.Utc);

    /// <summary>The first scheduled time at or after <paramref name="notBefore"/>.</summary>
    public static DateTime NextAtOrAfter(DateTime start, TimeSpan period, DateTime notBefore)
    {
        if (notBefore <= start)
        {
            return start;
        }

        var elapsed = (notBefore - start).Ticks;
        var periods = elapsed / period.Ticks + (elapsed % period.Ticks == 0 ? 0 : 1);
        return Add(start, periods, period);
    }

    /// <summary>The first scheduled time strictly after <paramref name="after"/>.</summary>
    public static DateTime NextAfter(DateTime start, TimeSpan period, DateTime after) =>
        after.Ticks == End.Ticks ? End : NextAtOrAfter(start, period, after.AddTicks(1));

    /// <summary>The last scheduled time at or before <paramref name="notAfter"/>, or null when the first is later.</summary>
    public static DateTime? LastAtOrBefore(DateTime start, TimeSpan period, DateTime notAfter) =>
        notAfter < start ? null : Add(start, (notAfter - start).Ticks / period.Ticks, period);

    /// <summary>How many scheduled times lie strictly between <paramref name="after"/> and <paramref name="before"/>.</summary>
    public static long CountBetween(DateTime start, TimeSpan period, DateTime after, DateTime before)
    {
        var first = NextAfter(start, period, after);
        return first >= before ? 0 : ((before - first).Ticks - 1) / period.Ticks + 1;
    }

    private static DateTime Add(DateTime start, long periods, TimeSpan period)
    {
        var room = DateTime.MaxValue.Ticks - start.Ticks;
        return periods > room / period.Ticks ? End : start.AddTicks(periods * period.Ticks);
    }
}
