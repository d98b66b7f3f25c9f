using Microsoft.Extensions.Options;

namespace TgeSwarm.Grains.Coordination.Queen;

internal sealed class QueenOptionsValidator : IValidateOptions<QueenOptions>
{
    public ValidateOptionsResult Validate(string? name, QueenOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string Section = QueenOptions.SectionName;
        var failures = new List<string>();
        Positive(failures, $"{Section}:{nameof(options.ReconcileInterval)}", options.ReconcileInterval);
        Positive(failures, $"{Section}:{nameof(options.RestartCooldown)}", options.RestartCooldown);
        Positive(failures, $"{Section}:{nameof(options.StatusTimeout)}", options.StatusTimeout);
        Positive(failures, $"{Section}:{nameof(options.CallTimeout)}", options.CallTimeout);
        if (options.MaxRestartAttempts is < 0 or > 100)
        {
            failures.Add($"{Section}:{nameof(options.MaxRestartAttempts)} must be between 0 and 100, not {options.MaxRestartAttempts}.");
        }

        if (options.MaxActions is < 10 or > 100_000)
        {
            failures.Add($"{Section}:{nameof(options.MaxActions)} must be between 10 and 100000, not {options.MaxActions}.");
        }

        if (options.MaxShards is < 1 or > 10_000)
        {
            failures.Add($"{Section}:{nameof(options.MaxShards)} must be between 1 and 10000, not {options.MaxShards}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero || value == Timeout.InfiniteTimeSpan)
        {
            failures.Add($"{name} must be a positive time, not {value}.");
        }
    }
}
