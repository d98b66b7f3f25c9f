using Microsoft.Extensions.Options;

namespace TgeSwarm.Runtime.Configuration;

internal sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = [];
        if (options.GatewayListRefreshPeriod <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(GatewayOptions)}.{nameof(GatewayOptions.GatewayListRefreshPeriod)} must be positive (was {options.GatewayListRefreshPeriod}).");
        }

        if (options.InitialConnectionAttempts < 1)
        {
            failures.Add($"{nameof(GatewayOptions)}.{nameof(GatewayOptions.InitialConnectionAttempts)} must be at least 1 (was {options.InitialConnectionAttempts}).");
        }

        // Zero would make a client with no reachable gateway redial in a tight loop.
        if (options.ConnectionRetryBackoff <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(GatewayOptions)}.{nameof(GatewayOptions.ConnectionRetryBackoff)} must be positive (was {options.ConnectionRetryBackoff}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
