using Microsoft.Extensions.Options;

namespace TgeSwarm.Grains.Coordination.Memory;

internal sealed class MemoryOptionsValidator : IValidateOptions<MemoryOptions>
{
    public ValidateOptionsResult Validate(string? name, MemoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string Section = MemoryOptions.SectionName;
        var failures = new List<string>();
        if (options.MaxValueBytes is < 2 or > 16 * 1024 * 1024)
        {
            failures.Add($"{Section}:{nameof(options.MaxValueBytes)} must be between 2 and 16777216, not {options.MaxValueBytes}.");
        }

        if (options.MaxKeys is < 1 or > 1_000_000)
        {
            failures.Add($"{Section}:{nameof(options.MaxKeys)} must be between 1 and 1000000, not {options.MaxKeys}.");
        }

        if (options.MaxNamespaceBytes < options.MaxValueBytes)
        {
            failures.Add($"{Section}:{nameof(options.MaxNamespaceBytes)} must be at least {nameof(options.MaxValueBytes)} ({options.MaxValueBytes}), not {options.MaxNamespaceBytes}.");
        }

        if (options.MaxKeyLength is < 1 or > 4096)
        {
            failures.Add($"{Section}:{nameof(options.MaxKeyLength)} must be between 1 and 4096, not {options.MaxKeyLength}.");
        }

        if (options.PurgeInterval <= TimeSpan.Zero || options.PurgeInterval == Timeout.InfiniteTimeSpan)
        {
            failures.Add($"{Section}:{nameof(options.PurgeInterval)} must be a positive time, not {options.PurgeInterval}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
