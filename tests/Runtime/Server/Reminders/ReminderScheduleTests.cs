using TgeSwarm.Runtime.Reminders;

namespace TgeSwarm.Runtime.Tests.Reminders;

public sealed class ReminderScheduleTests
{
    private static readonly DateTime Start = new(2026, 1, 1, 0, 1, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData(-5.0, 0)]
    [InlineData(0.0, 0)]
    [InlineData(0.5, 1)]
    [InlineData(2.0, 1)]
    [InlineData(2.01, 2)]
    [InlineData(7.0, 4)]
    public void NextAtOrAfter_is_the_first_scheduled_time_not_before_the_given_one(double minutesAfterStart, int expectedPeriods) =>
        Assert.Equal(Start + (expectedPeriods * Period), ReminderSchedule.NextAtOrAfter(Start, Period, Start.AddMinutes(minutesAfterStart)));

    [Fact]
    public void NextAfter_skips_a_scheduled_time_it_is_given()
    {
        Assert.Equal(Start + Period, ReminderSchedule.NextAfter(Start, Period, Start));
        Assert.Equal(Start, ReminderSchedule.NextAfter(Start, Period, Start.AddTicks(-1)));
    }

    [Fact]
    public void LastAtOrBefore_is_the_latest_scheduled_time_not_after_the_given_one()
    {
        Assert.Null(ReminderSchedule.LastAtOrBefore(Start, Period, Start.AddTicks(-1)));
        Assert.Equal(Start, ReminderSchedule.LastAtOrBefore(Start, Period, Start));
        Assert.Equal(Start + Period, ReminderSchedule.LastAtOrBefore(Start, Period, Start.AddMinutes(3.9)));
    }

    [Theory]
    [InlineData(0.0, 0.0, 0)]
    [InlineData(0.0, 2.0, 0)]
    [InlineData(0.0, 2.5, 1)]
    [InlineData(-1.0, 0.5, 1)]
    [InlineData(1.0, 11.0, 5)]
    [InlineData(2.0, 10.0, 3)]
    public void CountBetween_counts_scheduled_times_strictly_between_two_times(double afterMinutes, double beforeMinutes, long expected) =>
        Assert.Equal(expected, ReminderSchedule.CountBetween(Start, Period, Start.AddMinutes(afterMinutes), Start.AddMinutes(beforeMinutes)));

    [Fact]
    public void Times_past_the_calendar_saturate_instead_of_overflowing()
    {
        var huge = TimeSpan.FromDays(3_000_000);

        Assert.Equal(DateTime.MaxValue.Ticks, ReminderSchedule.NextAtOrAfter(Start, huge, Start.AddTicks(1)).Ticks);
        Assert.Equal(DateTime.MaxValue.Ticks, ReminderSchedule.NextAfter(Start, Period, new DateTime(DateTime.MaxValue.Ticks, DateTimeKind.Utc)).Ticks);
    }
}
