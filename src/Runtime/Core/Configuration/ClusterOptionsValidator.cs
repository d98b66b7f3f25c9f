using Microsoft.Extensions.Options;

namespace TgeSwarm.Runtime.Configuration;

internal sealed class ClusterOptionsValidator : IValidateOptions<ClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ClusterId))
        {
            return ValidateOptionsResult.Fail($"{nameof(ClusterOptions)}.{nameof(ClusterOptions.ClusterId)} must not be empty.");
        }

        return string.IsNullOrWhiteSpace(options.ServiceId)
            ? ValidateOptionsResult.Fail($"{nameof(ClusterOptions)}.{nameof(ClusterOptions.ServiceId)} must not be empty.")
            : ValidateOptionsResult.Success;
    }
}
