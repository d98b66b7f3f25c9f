using TgeSwarm.Runtime.Configuration;

namespace TgeSwarm.Runtime.Tests.Reminders;

public sealed class ReminderOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_Orleans_defaults_with_missed_ticks_dropped_and_they_validate()
    {
        var options = new ReminderOptions();

        Assert.Equal(TimeSpan.FromMinutes(1), options.MinimumReminderPeriod);
        Assert.Equal(TimeSpan.FromMinutes(5), options.RefreshReminderListPeriod);
        Assert.Equal(TimeSpan.FromMinutes(5), options.InitializationTimeout);
        Assert.Equal(ReminderMissedTickPolicy.Drop, options.MissedTickPolicy);
        Assert.True(new ReminderOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void A_minimum_period_of_one_second_is_allowed_for_tests()
    {
        var options = new ReminderOptions { MinimumReminderPeriod = TimeSpan.FromSeconds(1) };

        Assert.True(new ReminderOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Settings_that_could_never_work_fail_naming_each_one()
    {
        var options = new ReminderOptions
        {
            MinimumReminderPeriod = TimeSpan.Zero,
            RefreshReminderListPeriod = TimeSpan.FromDays(60),
            InitializationTimeout = TimeSpan.FromSeconds(-1),
            MissedTickPolicy = (ReminderMissedTickPolicy)7,
        };

        var result = new ReminderOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(4, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.Contains("MinimumReminderPeriod must be positive", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("RefreshReminderListPeriod must be at most", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("InitializationTimeout must be positive", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("MissedTickPolicy must be Drop or CatchUp, not 7", StringComparison.Ordinal));
    }
}
