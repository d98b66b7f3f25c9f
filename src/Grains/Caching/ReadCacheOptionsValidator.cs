using Microsoft.Extensions.Options;

namespace TgeSwarm.Grains.Caching;

internal sealed class ReadCacheOptionsValidator : IValidateOptions<ReadCacheOptions>
{
    /// <summary>A per-silo read cache far above this is a configuration mistake (and gigabytes of entries).</summary>
    internal const int MaxCapacity = 10_000_000;

    public ValidateOptionsResult Validate(string? name, ReadCacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var subject = string.IsNullOrEmpty(name) ? nameof(ReadCacheOptions) : $"{nameof(ReadCacheOptions)} '{name}'";
        if (options.Capacity is < 1 or > MaxCapacity)
        {
            failures.Add($"{subject}.{nameof(options.Capacity)} must be between 1 and {MaxCapacity}, not {options.Capacity}.");
        }

        if (!Enum.IsDefined(options.Policy))
        {
            failures.Add($"{subject}.{nameof(options.Policy)} must be one of {string.Join(", ", Enum.GetNames<ReadCachePolicy>())}, not {options.Policy}.");
        }

        if (options.DefaultTtl is { } ttl && ttl <= TimeSpan.Zero && ttl != Timeout.InfiniteTimeSpan)
        {
            failures.Add($"{subject}.{nameof(options.DefaultTtl)} must be positive (or null for no expiry), not {ttl}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
