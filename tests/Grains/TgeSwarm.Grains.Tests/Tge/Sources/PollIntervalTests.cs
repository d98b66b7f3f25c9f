using TgeSwarm.Grains.Tge.Sources;

namespace TgeSwarm.Grains.Tests.Tge.Sources;

public sealed class PollIntervalTests
{
    private static readonly TimeSpan Min = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(60);

    [Fact]
    public void Quiet_polls_lengthen_the_interval_by_half_up_to_the_maximum_and_new_items_bring_it_back_to_the_floor()
    {
        var interval = new PollInterval(Min, Max);

        Assert.Equal(TimeSpan.FromSeconds(3), interval.OnQuiet());
        Assert.Equal(TimeSpan.FromSeconds(4.5), interval.OnQuiet());
        for (var i = 0; i < 20; i++)
        {
            interval.OnQuiet();
        }

        Assert.Equal(Max, interval.Current);
        Assert.Equal(Min, interval.OnNewItems());
    }

    [Theory]
    [InlineData(1, 1.0, 4)]
    [InlineData(3, 1.0, 16)]
    [InlineData(2, 0.8, 6.4)]
    [InlineData(5, 1.0, 60)]
    [InlineData(1000, 1.2, 60)]
    public void Failures_back_off_exponentially_from_the_floor_with_the_jitter_given_and_never_past_the_maximum(int failures, double jitter, double seconds)
    {
        var interval = new PollInterval(Min, Max);

        Assert.Equal(TimeSpan.FromSeconds(seconds), interval.OnError(failures, jitter));
    }

    [Fact]
    public void A_tuned_floor_is_kept_within_the_bounds_and_null_restores_the_minimum()
    {
        var interval = new PollInterval(Min, Max);

        Assert.Equal(TimeSpan.FromSeconds(10), interval.Tune(TimeSpan.FromSeconds(10)));
        Assert.Equal(TimeSpan.FromSeconds(10), interval.Current);
        Assert.Equal(TimeSpan.FromSeconds(10), interval.OnNewItems());
        Assert.Equal(Max, interval.Tune(TimeSpan.FromHours(1)));
        Assert.Equal(Min, interval.Tune(TimeSpan.FromMilliseconds(1)));
        Assert.Equal(Min, interval.Tune(null));
    }
}
