using TgeSwarm.Grains.Market.Features;

namespace TgeSwarm.Grains.Tests.Market.Features;

public sealed class FeatureOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new FeatureOptionsValidator().Validate(null, new FeatureOptions()).Succeeded);
    }

    [Theory]
    [InlineData(nameof(FeatureOptions.RsiPeriod), 0)]
    [InlineData(nameof(FeatureOptions.MacdFastPeriod), 0)]
    [InlineData(nameof(FeatureOptions.MacdSlowPeriod), 12)]
    [InlineData(nameof(FeatureOptions.MacdSignalPeriod), 0)]
    [InlineData(nameof(FeatureOptions.VolatilityWindowBars), 0)]
    [InlineData(nameof(FeatureOptions.IndicatorBarSeconds), 0)]
    [InlineData(nameof(FeatureOptions.IndicatorBarSeconds), 7)]
    [InlineData(nameof(FeatureOptions.BarsKept), 0)]
    public void Each_bad_setting_is_named(string property, int value)
    {
        var options = new FeatureOptions();
        typeof(FeatureOptions).GetProperty(property)!.SetValue(options, value);
        var result = new FeatureOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains($"Market:Features:{property}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_or_sub_microsecond_late_trade_tolerance_is_named()
    {
        foreach (var tolerance in new[] { TimeSpan.FromSeconds(-1), TimeSpan.FromTicks(15) })
        {
            var result = new FeatureOptionsValidator().Validate(null, new FeatureOptions { LateTradeTolerance = tolerance });
            Assert.Contains("Market:Features:LateTradeTolerance", result.FailureMessage, StringComparison.Ordinal);
        }
    }
}
