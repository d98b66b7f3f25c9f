using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Configuration;

namespace TgeSwarm.Runtime.Postgres.Streams;

/// <summary>Fails silo start-up on a stream provider that could never work, naming the provider, instead of on its first poll.</summary>
internal sealed class PostgresStreamOptionsValidator : IValidateOptions<PostgresStreamOptions>
{
    // A queue is one pulling agent and one open poll loop; beyond this the agents cost more than they spread.
    public const int MaxQueueCount = 1024;

    public const int MaxRowsPerReadLimit = 10_000;

    public ValidateOptionsResult Validate(string? name, PostgresStreamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var provider = $"PostgreSQL stream provider '{name}'";
        var failures = new List<string>();
        PostgresOptionChecks.ConnectionString(failures, provider, options.ConnectionString, "the second argument of AddPostgresStreams");

        PostgresOptionChecks.ServiceId(failures, provider, options.ServiceId);

        if (options.QueueCount is < 1 or > MaxQueueCount)
        {
            failures.Add($"{provider}: QueueCount is {options.QueueCount}; it must be between 1 and {MaxQueueCount}.");
        }

        if (options.MaxRowsPerRead is < 1 or > MaxRowsPerReadLimit)
        {
            failures.Add($"{provider}: MaxRowsPerRead is {options.MaxRowsPerRead}; it must be between 1 and {MaxRowsPerReadLimit}.");
        }

        if (options.MaxDeliveryAttempts < 1)
        {
            failures.Add($"{provider}: MaxDeliveryAttempts is {options.MaxDeliveryAttempts}; at least one attempt is needed.");
        }

        RequirePositive(failures, provider, nameof(options.PollInterval), options.PollInterval);
        RequirePositive(failures, provider, nameof(options.RetentionPeriod), options.RetentionPeriod);
        RequirePositive(failures, provider, nameof(options.TrimInterval), options.TrimInterval);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequirePositive(List<string> failures, string provider, string setting, TimeSpan value)
    {
        if (value <= TimeSpan.Zero || value == Timeout.InfiniteTimeSpan)
        {
            failures.Add($"{provider}: {setting} is {value}; it must be a positive, finite time.");
        }
    }
}
