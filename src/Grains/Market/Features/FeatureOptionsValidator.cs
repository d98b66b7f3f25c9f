using Microsoft.Extensions.Options;

namespace TgeSwarm.Grains.Market.Features;

internal sealed class FeatureOptionsValidator : IValidateOptions<FeatureOptions>
{
    private const int SecondsPerDay = 86_400;

    public ValidateOptionsResult Validate(string? name, FeatureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        AtLeast(failures, nameof(FeatureOptions.RsiPeriod), options.RsiPeriod, 1);
        AtLeast(failures, nameof(FeatureOptions.MacdFastPeriod), options.MacdFastPeriod, 1);
        AtLeast(failures, nameof(FeatureOptions.MacdSignalPeriod), options.MacdSignalPeriod, 1);
        AtLeast(failures, nameof(FeatureOptions.VolatilityWindowBars), options.VolatilityWindowBars, 1);
        AtLeast(failures, nameof(FeatureOptions.BarsKept), options.BarsKept, 1);
        if (options.MacdSlowPeriod <= options.MacdFastPeriod)
        {
            failures.Add($"{FeatureOptions.SectionName}:{nameof(FeatureOptions.MacdSlowPeriod)} ({options.MacdSlowPeriod}) must be greater than {nameof(FeatureOptions.MacdFastPeriod)} ({options.MacdFastPeriod}).");
        }

        if (options.IndicatorBarSeconds < 1 || SecondsPerDay % options.IndicatorBarSeconds != 0)
        {
            failures.Add($"{FeatureOptions.SectionName}:{nameof(FeatureOptions.IndicatorBarSeconds)} must be a positive divisor of 86400 so bars align on UTC days (was {options.IndicatorBarSeconds}).");
        }

        if (options.LateTradeTolerance < TimeSpan.Zero || options.LateTradeTolerance.Ticks % TimeSpan.TicksPerMicrosecond != 0)
        {
            failures.Add($"{FeatureOptions.SectionName}:{nameof(FeatureOptions.LateTradeTolerance)} must be a non-negative whole number of microseconds (was {options.LateTradeTolerance}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <exception cref="ArgumentException">The options fail validation; the message lists every failure.</exception>
    public static void ThrowIfInvalid(FeatureOptions options)
    {
        var result = new FeatureOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException(result.FailureMessage, nameof(options));
        }
    }

    private static void AtLeast(List<string> failures, string property, int value, int minimum)
    {
        if (value < minimum)
        {
            failures.Add($"{FeatureOptions.SectionName}:{property} must be at least {minimum} (was {value}).");
        }
    }
}
