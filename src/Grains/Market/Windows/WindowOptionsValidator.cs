using Microsoft.Extensions.Options;

namespace TgeSwarm.Grains.Market.Windows;

internal sealed class WindowOptionsValidator : IValidateOptions<WindowOptions>
{
    private const string Section = WindowOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, WindowOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.BarIntervalSeconds < 1)
        {
            failures.Add($"{Section}:{nameof(WindowOptions.BarIntervalSeconds)} must be at least 1 (was {options.BarIntervalSeconds}).");
            return ValidateOptionsResult.Fail(failures);
        }

        var bar = TimeSpan.FromSeconds(options.BarIntervalSeconds);
        MultipleOfBar(failures, nameof(WindowOptions.Tumbling), options.Tumbling, bar);
        MultipleOfBar(failures, nameof(WindowOptions.SlidingSize), options.SlidingSize, bar);
        if (options.SlidingSize > TimeSpan.Zero)
        {
            MultipleOfBar(failures, nameof(WindowOptions.SlidingSlide), options.SlidingSlide, bar);
            if (options.SlidingSlide <= TimeSpan.Zero || options.SlidingSize.Ticks % options.SlidingSlide.Ticks != 0)
            {
                failures.Add($"{Section}:{nameof(WindowOptions.SlidingSlide)} ({options.SlidingSlide}) must be positive and divide {nameof(WindowOptions.SlidingSize)} ({options.SlidingSize}).");
            }
        }

        NotNegative(failures, nameof(WindowOptions.SessionGap), options.SessionGap);
        NotNegative(failures, nameof(WindowOptions.AllowedLateness), options.AllowedLateness);
        NotNegative(failures, nameof(WindowOptions.ReemitHorizon), options.ReemitHorizon);
        WholeMicroseconds(failures, nameof(WindowOptions.SessionGap), options.SessionGap);
        WholeMicroseconds(failures, nameof(WindowOptions.AllowedLateness), options.AllowedLateness);
        WholeMicroseconds(failures, nameof(WindowOptions.ReemitHorizon), options.ReemitHorizon);
        if (options.Tumbling <= TimeSpan.Zero && options.SlidingSize <= TimeSpan.Zero && options.SessionGap <= TimeSpan.Zero)
        {
            failures.Add($"{Section}: every window kind is off; set {nameof(WindowOptions.Tumbling)}, {nameof(WindowOptions.SlidingSize)} or {nameof(WindowOptions.SessionGap)}.");
        }

        if (options.MaxPendingResults < 1)
        {
            failures.Add($"{Section}:{nameof(WindowOptions.MaxPendingResults)} must be at least 1 (was {options.MaxPendingResults}).");
        }

        if (!Enum.IsDefined(options.LatePolicy))
        {
            failures.Add($"{Section}:{nameof(WindowOptions.LatePolicy)} must be Drop or UpdateAndReemit (was {options.LatePolicy}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <exception cref="ArgumentException">The options fail validation; the message lists every failure.</exception>
    public static void ThrowIfInvalid(WindowOptions options)
    {
        var result = new WindowOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException(result.FailureMessage, nameof(options));
        }
    }

    // Zero means off; otherwise bars must never straddle a window boundary.
    private static void MultipleOfBar(List<string> failures, string property, TimeSpan value, TimeSpan bar)
    {
        if (value < TimeSpan.Zero || (value > TimeSpan.Zero && value.Ticks % bar.Ticks != 0))
        {
            failures.Add($"{Section}:{property} ({value}) must be zero (off) or a positive multiple of the {bar.TotalSeconds} s bar interval.");
        }
    }

    private static void NotNegative(List<string> failures, string property, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            failures.Add($"{Section}:{property} must not be negative (was {value}).");
        }
    }

    // Event times are microseconds; a tick remainder would be silently truncated.
    private static void WholeMicroseconds(List<string> failures, string property, TimeSpan value)
    {
        if (value.Ticks % TimeSpan.TicksPerMicrosecond != 0)
        {
            failures.Add($"{Section}:{property} ({value}) must be a whole number of microseconds.");
        }
    }
}
