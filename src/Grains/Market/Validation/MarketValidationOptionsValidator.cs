using Microsoft.Extensions.Options;

namespace TgeSwarm.Grains.Market.Validation;

internal sealed class MarketValidationOptionsValidator : IValidateOptions<MarketValidationOptions>
{
    /// <summary>Above this, keeping the window sorted by shifting costs more than a tree would.</summary>
    internal const int MaxWindow = 4096;

    public ValidateOptionsResult Validate(string? name, MarketValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxClockSkew is { } skew && skew < TimeSpan.Zero)
        {
            failures.Add($"{nameof(MarketValidationOptions)}.{nameof(options.MaxClockSkew)} must not be negative, not {skew}.");
        }

        if (options.MaxAge is { } age && age <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(MarketValidationOptions)}.{nameof(options.MaxAge)} must be positive (or null to disable), not {age}.");
        }

        foreach (var instrument in options.Instruments)
        {
            if (string.IsNullOrWhiteSpace(instrument))
            {
                failures.Add($"{nameof(MarketValidationOptions)}.{nameof(options.Instruments)} must not hold an empty name.");
                break;
            }
        }

        if (options.PriceAnomalyThreshold is { } threshold && !(threshold > 0 && double.IsFinite(threshold)))
        {
            failures.Add($"{nameof(MarketValidationOptions)}.{nameof(options.PriceAnomalyThreshold)} must be positive and finite (or null to disable), not {threshold}.");
        }

        if (options.PriceAnomalyWindow is < 2 or > MaxWindow)
        {
            failures.Add($"{nameof(MarketValidationOptions)}.{nameof(options.PriceAnomalyWindow)} must be between 2 and {MaxWindow}, not {options.PriceAnomalyWindow}.");
        }

        if (options.PriceAnomalyWarmUp < 1 || options.PriceAnomalyWarmUp > options.PriceAnomalyWindow)
        {
            failures.Add($"{nameof(MarketValidationOptions)}.{nameof(options.PriceAnomalyWarmUp)} must be between 1 and {nameof(options.PriceAnomalyWindow)} ({options.PriceAnomalyWindow}), not {options.PriceAnomalyWarmUp}.");
        }

        if (!(options.PriceAnomalyMinMove >= 0 && double.IsFinite(options.PriceAnomalyMinMove)))
        {
            failures.Add($"{nameof(MarketValidationOptions)}.{nameof(options.PriceAnomalyMinMove)} must be zero or positive and finite, not {options.PriceAnomalyMinMove}.");
        }

        if (options.PriceAnomalyConfirmations < 1)
        {
            failures.Add($"{nameof(MarketValidationOptions)}.{nameof(options.PriceAnomalyConfirmations)} must be at least 1, not {options.PriceAnomalyConfirmations}.");
        }

        ValidateSharing(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateSharing(MarketValidationOptions options, List<string> failures)
    {
        if (options.AnomalyFindingTtl <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(MarketValidationOptions)}.{nameof(options.AnomalyFindingTtl)} must be positive, not {options.AnomalyFindingTtl}.");
        }

        if (options.AnomalyShareInterval is { } interval
            && (interval < TimeSpan.Zero || (options.AnomalyFindingTtl > TimeSpan.Zero && interval > options.AnomalyFindingTtl / 2)))
        {
            failures.Add($"{nameof(MarketValidationOptions)}.{nameof(options.AnomalyShareInterval)} must be between zero (or null: no sharing) and half of {nameof(options.AnomalyFindingTtl)} ({options.AnomalyFindingTtl / 2}), not {interval}.");
        }

        if (options.AnomalyRecallTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(MarketValidationOptions)}.{nameof(options.AnomalyRecallTimeout)} must be positive, not {options.AnomalyRecallTimeout}.");
        }
    }
}
