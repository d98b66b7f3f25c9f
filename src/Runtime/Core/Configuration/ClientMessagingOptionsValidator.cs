using Microsoft.Extensions.Options;

namespace TgeSwarm.Runtime.Configuration;

internal sealed class ClientMessagingOptionsValidator : IValidateOptions<ClientMessagingOptions>
{
    public ValidateOptionsResult Validate(string? name, ClientMessagingOptions options) =>
        options.ResponseTimeout <= TimeSpan.Zero
            ? ValidateOptionsResult.Fail($"{nameof(ClientMessagingOptions)}.{nameof(options.ResponseTimeout)} must be positive, not {options.ResponseTimeout}.")
            : ValidateOptionsResult.Success;
}
