using Microsoft.Extensions.Options;

namespace TgeSwarm.Runtime.Configuration;

internal sealed class ConnectionOptionsValidator : IValidateOptions<ConnectionOptions>
{
    // Below this a frame cannot hold a message header, so a smaller setting is a typo, not a choice.
    private const int MinimumFrameSize = 1024;

    public ValidateOptionsResult Validate(string? name, ConnectionOptions options)
    {
        var failures = new List<string>();
        RequirePositive(failures, nameof(ConnectionOptions.OpenConnectionTimeout), options.OpenConnectionTimeout);
        RequirePositive(failures, nameof(ConnectionOptions.HandshakeTimeout), options.HandshakeTimeout);
        if (options.ConnectionRetryDelay < TimeSpan.Zero)
        {
            failures.Add($"{nameof(ConnectionOptions)}.{nameof(ConnectionOptions.ConnectionRetryDelay)} must not be negative (was {options.ConnectionRetryDelay}).");
        }

        // The length prefix is a signed 32-bit count on the wire; int.MaxValue would leave no room for the prefix.
        if (options.MaxFrameSize is < MinimumFrameSize or > int.MaxValue - 4)
        {
            failures.Add($"{nameof(ConnectionOptions)}.{nameof(ConnectionOptions.MaxFrameSize)} must be between {MinimumFrameSize} and {int.MaxValue - 4} bytes (was {options.MaxFrameSize}).");
        }

        if (options.SendQueueCapacity < 1)
        {
            failures.Add($"{nameof(ConnectionOptions)}.{nameof(ConnectionOptions.SendQueueCapacity)} must be at least 1 (was {options.SendQueueCapacity}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequirePositive(List<string> failures, string property, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(ConnectionOptions)}.{property} must be positive (was {value}).");
        }
    }
}
