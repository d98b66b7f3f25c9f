using Microsoft.Extensions.Options;

namespace TgeSwarm.Runtime.Configuration;

internal sealed class SiloMessagingOptionsValidator : IValidateOptions<SiloMessagingOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloMessagingOptions options)
    {
        if (options.ResponseTimeout <= TimeSpan.Zero)
        {
            return ValidateOptionsResult.Fail($"{nameof(SiloMessagingOptions)}.{nameof(options.ResponseTimeout)} must be positive, not {options.ResponseTimeout}.");
        }

        if (options.MaxEnqueuedRequests < 1)
        {
            return ValidateOptionsResult.Fail($"{nameof(SiloMessagingOptions)}.{nameof(options.MaxEnqueuedRequests)} must be at least 1, not {options.MaxEnqueuedRequests}.");
        }

        return options.MaxRequestProcessingTime <= TimeSpan.Zero
            ? ValidateOptionsResult.Fail($"{nameof(SiloMessagingOptions)}.{nameof(options.MaxRequestProcessingTime)} must be positive, not {options.MaxRequestProcessingTime}.")
            : ValidateOptionsResult.Success;
    }
}
