using Microsoft.Extensions.Options;

namespace TgeSwarm.Silo.Configuration;

internal sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    // Shorter than this is a placeholder or a typo, not a secret (a generated key is 47 characters).
    public const int MinimumAdminKeyLength = 32;

    private const string Section = ApiOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        var failures = new List<string>();
        if (options.AdminKey is { } key && (string.IsNullOrWhiteSpace(key) || key.Length < MinimumAdminKeyLength))
        {
            // Never echo the value: it is a secret.
            failures.Add($"{Section}:{nameof(ApiOptions.AdminKey)} must be at least {MinimumAdminKeyLength} characters (was {key.Length}); remove it to have the embedded default generate one.");
        }

        if (options.MaxRequestBodyBytes is < 1024 or > 64 * 1024 * 1024)
        {
            failures.Add($"{Section}:{nameof(ApiOptions.MaxRequestBodyBytes)} must be between 1024 and 67108864 (was {options.MaxRequestBodyBytes}).");
        }

        if (options.KeyCacheTtl < TimeSpan.Zero || options.KeyCacheTtl > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{Section}:{nameof(ApiOptions.KeyCacheTtl)} must be between 00:00:00 and 00:10:00 (was {options.KeyCacheTtl}).");
        }

        if (options.MemoryAuditCapacity < 1)
        {
            failures.Add($"{Section}:{nameof(ApiOptions.MemoryAuditCapacity)} must be at least 1 (was {options.MemoryAuditCapacity}).");
        }

        var rate = options.RateLimit;
        if (rate.PermitLimit < 1 || rate.AnonymousPermitLimit < 1)
        {
            failures.Add($"{Section}:RateLimit:PermitLimit and AnonymousPermitLimit must be at least 1 (were {rate.PermitLimit} and {rate.AnonymousPermitLimit}).");
        }

        if (rate.Window <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:RateLimit:Window must be positive (was {rate.Window}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
