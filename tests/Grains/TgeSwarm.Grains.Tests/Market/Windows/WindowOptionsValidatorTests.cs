using TgeSwarm.Grains.Market.Windows;

namespace TgeSwarm.Grains.Tests.Market.Windows;

public sealed class WindowOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new WindowOptionsValidator().Validate(null, new WindowOptions()).Succeeded);
    }

    public static TheoryData<string, Action<WindowOptions>> BadSettings() => new()
    {
        { nameof(WindowOptions.BarIntervalSeconds), o => o.BarIntervalSeconds = 0 },
        { nameof(WindowOptions.Tumbling), o => o.Tumbling = TimeSpan.FromMilliseconds(1500) },
        { nameof(WindowOptions.Tumbling), o => { o.BarIntervalSeconds = 60; o.Tumbling = TimeSpan.FromSeconds(90); } },
        { nameof(WindowOptions.SlidingSlide), o => o.SlidingSlide = TimeSpan.FromSeconds(70) },
        { nameof(WindowOptions.SlidingSlide), o => o.SlidingSlide = TimeSpan.Zero },
        { nameof(WindowOptions.AllowedLateness), o => o.AllowedLateness = TimeSpan.FromSeconds(-1) },
        { nameof(WindowOptions.ReemitHorizon), o => o.ReemitHorizon = TimeSpan.FromTicks(1) },
        { nameof(WindowOptions.MaxPendingResults), o => o.MaxPendingResults = 0 },
        { nameof(WindowOptions.LatePolicy), o => o.LatePolicy = (LatePolicy)7 },
        { "every window kind is off", o => { o.Tumbling = TimeSpan.Zero; o.SlidingSize = TimeSpan.Zero; o.SessionGap = TimeSpan.Zero; } },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Each_bad_setting_is_named(string named, Action<WindowOptions> change)
    {
        var options = new WindowOptions();
        change(options);
        var result = new WindowOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(named, result.FailureMessage, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new WindowEngine("BTC-USDT", options));
    }
}
