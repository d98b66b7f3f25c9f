using Microsoft.Extensions.Options;

namespace TgeSwarm.Silo.Health;

internal sealed class HealthOptionsValidator : IValidateOptions<HealthOptions>
{
    private static readonly TimeSpan MaxStorageTimeout = TimeSpan.FromSeconds(30);

    public ValidateOptionsResult Validate(string? name, HealthOptions options) =>
        options.StorageTimeout <= TimeSpan.Zero || options.StorageTimeout > MaxStorageTimeout
            ? ValidateOptionsResult.Fail(
                $"{HealthOptions.SectionName}:{nameof(HealthOptions.StorageTimeout)} must be more than 0 and at most {MaxStorageTimeout} (was {options.StorageTimeout}).")
            : ValidateOptionsResult.Success;
}
