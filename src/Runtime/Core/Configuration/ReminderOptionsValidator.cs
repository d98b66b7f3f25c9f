using Microsoft.Extensions.Options;

namespace TgeSwarm.Runtime.Configuration;

internal sealed class ReminderOptionsValidator : IValidateOptions<ReminderOptions>
{
    // The longest due time a .NET timer takes (2^32 - 2 ms, about 49.7 days).
    private static readonly TimeSpan MaxTimerDue = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = [];
        Positive(failures, nameof(options.MinimumReminderPeriod), options.MinimumReminderPeriod, TimeSpan.MaxValue);
        Positive(failures, nameof(options.RefreshReminderListPeriod), options.RefreshReminderListPeriod, MaxTimerDue);
        Positive(failures, nameof(options.InitializationTimeout), options.InitializationTimeout, MaxTimerDue);
        if (!Enum.IsDefined(options.MissedTickPolicy))
        {
            failures.Add($"{nameof(ReminderOptions)}.{nameof(options.MissedTickPolicy)} must be Drop or CatchUp, not {(int)options.MissedTickPolicy}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string property, TimeSpan value, TimeSpan max)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(ReminderOptions)}.{property} must be positive, not {value}.");
        }
        else if (value > max)
        {
            failures.Add($"{nameof(ReminderOptions)}.{property} must be at most {max}, not {value}.");
        }
    }
}
