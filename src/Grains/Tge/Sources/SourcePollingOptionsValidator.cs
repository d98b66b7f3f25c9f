using Microsoft.Extensions.Options;

namespace TgeSwarm.Grains.Tge.Sources;

internal sealed class SourcePollingOptionsValidator : IValidateOptions<SourcePollingOptions>
{
    public ValidateOptionsResult Validate(string? name, SourcePollingOptions options)
    {
        var failures = new List<string>();
        if (options.RememberedItems is < 100 or > 1_000_000)
        {
            failures.Add($"{SourcePollingOptions.SectionName}:RememberedItems must be between 100 and 1000000 (got {options.RememberedItems}).");
        }

        if (options.ReminderPeriod < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{SourcePollingOptions.SectionName}:ReminderPeriod must be at least 1 s (got {options.ReminderPeriod}).");
        }

        if (options.FindingReadTimeout < TimeSpan.FromMilliseconds(100) || options.FindingReadTimeout > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{SourcePollingOptions.SectionName}:FindingReadTimeout must be between 100 ms and 1 min (got {options.FindingReadTimeout}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
