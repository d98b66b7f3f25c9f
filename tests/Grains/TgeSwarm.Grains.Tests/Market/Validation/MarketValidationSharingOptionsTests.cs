using TgeSwarm.Grains.Market.Validation;

namespace TgeSwarm.Grains.Tests.Market.Validation;

/// <summary>The settings of sharing anomaly baselines through the memory coordinator: defaults and bounds.</summary>
public sealed class MarketValidationSharingOptionsTests
{
    private static IEnumerable<string> Failures(Action<MarketValidationOptions> configure)
    {
        var options = new MarketValidationOptions();
        configure(options);
        return new MarketValidationOptionsValidator().Validate(null, options).Failures ?? [];
    }

    [Fact]
    public void The_defaults_share_every_30_seconds_keep_an_hour_and_read_back_within_2_seconds()
    {
        var options = new MarketValidationOptions();

        Assert.Equal(
            (TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), TimeSpan.FromSeconds(2)),
            (options.AnomalyShareInterval, options.AnomalyFindingTtl, options.AnomalyRecallTimeout));
        Assert.Empty(Failures(static _ => { }));
    }

    [Fact]
    public void Null_or_zero_turns_sharing_off_and_is_valid()
    {
        Assert.Empty(Failures(static o => o.AnomalyShareInterval = null));
        Assert.Empty(Failures(static o => o.AnomalyShareInterval = TimeSpan.Zero));
    }

    [Theory]
    [InlineData("-00:00:01", "01:00:00", "00:00:02", "AnomalyShareInterval must be between zero (or null: no sharing) and half of AnomalyFindingTtl (00:30:00), not -00:00:01.")]
    [InlineData("00:30:01", "01:00:00", "00:00:02", "AnomalyShareInterval must be between zero (or null: no sharing) and half of AnomalyFindingTtl (00:30:00), not 00:30:01.")]
    [InlineData("00:00:30", "00:00:00", "00:00:02", "AnomalyFindingTtl must be positive, not 00:00:00.")]
    [InlineData("00:00:30", "01:00:00", "00:00:00", "AnomalyRecallTimeout must be positive, not 00:00:00.")]
    public void Out_of_bounds_sharing_settings_fail_with_their_name_and_value(string interval, string ttl, string recall, string message)
    {
        var failures = Failures(o =>
        {
            o.AnomalyShareInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture);
            o.AnomalyFindingTtl = TimeSpan.Parse(ttl, System.Globalization.CultureInfo.InvariantCulture);
            o.AnomalyRecallTimeout = TimeSpan.Parse(recall, System.Globalization.CultureInfo.InvariantCulture);
        });

        Assert.Equal([$"{nameof(MarketValidationOptions)}.{message}"], failures);
    }
}
