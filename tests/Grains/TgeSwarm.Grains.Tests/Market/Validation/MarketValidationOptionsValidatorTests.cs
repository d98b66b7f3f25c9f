using TgeSwarm.Grains.Market.Validation;

namespace TgeSwarm.Grains.Tests.Market.Validation;

public sealed class MarketValidationOptionsValidatorTests
{
    private static string[] Failures(Action<MarketValidationOptions> configure)
    {
        var options = new MarketValidationOptions();
        configure(options);
        var result = new MarketValidationOptionsValidator().Validate(null, options);
        return result.Failed ? [.. result.Failures!] : [];
    }

    [Fact]
    public void The_defaults_are_valid_and_disabled_checks_too()
    {
        Assert.Empty(Failures(_ => { }));
        Assert.Empty(Failures(o =>
        {
            o.MaxAge = null;
            o.MaxClockSkew = null;
            o.PriceAnomalyThreshold = null;
        }));
    }

    [Theory]
    [InlineData("MaxClockSkew")]
    [InlineData("MaxAge")]
    [InlineData("Instruments")]
    [InlineData("PriceAnomalyThreshold")]
    [InlineData("PriceAnomalyWindow")]
    [InlineData("PriceAnomalyWarmUp")]
    [InlineData("PriceAnomalyMinMove")]
    [InlineData("PriceAnomalyConfirmations")]
    public void Each_bad_setting_is_named(string property)
    {
        var failures = Failures(o =>
        {
            switch (property)
            {
                case "MaxClockSkew": o.MaxClockSkew = TimeSpan.FromSeconds(-1); break;
                case "MaxAge": o.MaxAge = TimeSpan.Zero; break;
                case "Instruments": o.Instruments.Add(" "); break;
                case "PriceAnomalyThreshold": o.PriceAnomalyThreshold = double.NaN; break;
                case "PriceAnomalyWindow": o.PriceAnomalyWindow = MarketValidationOptionsValidator.MaxWindow + 1; break;
                case "PriceAnomalyWarmUp": o.PriceAnomalyWarmUp = 0; break;
                case "PriceAnomalyMinMove": o.PriceAnomalyMinMove = -0.1; break;
                case "PriceAnomalyConfirmations": o.PriceAnomalyConfirmations = 0; break;
            }
        });

        var failure = Assert.Single(failures);
        Assert.Contains($"MarketValidationOptions.{property} ", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Warm_up_cannot_exceed_the_window()
    {
        var failure = Assert.Single(Failures(o =>
        {
            o.PriceAnomalyWindow = 20;
            o.PriceAnomalyWarmUp = 30;
        }));
        Assert.Contains("PriceAnomalyWarmUp", failure, StringComparison.Ordinal);
    }
}
