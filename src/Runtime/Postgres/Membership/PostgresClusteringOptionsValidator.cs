using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Configuration;

namespace TgeSwarm.Runtime.Postgres.Membership;

/// <summary>Fails start-up on clustering settings that could never work, instead of on the first membership read.</summary>
internal sealed class PostgresClusteringOptionsValidator : IValidateOptions<PostgresClusteringOptions>
{
    private const string Provider = "PostgreSQL clustering";

    public ValidateOptionsResult Validate(string? name, PostgresClusteringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        PostgresOptionChecks.ConnectionString(failures, Provider, options.ConnectionString, "the argument of UsePostgresClustering");

        if (options.ListenReconnectDelay <= TimeSpan.Zero)
        {
            failures.Add($"{Provider}: ListenReconnectDelay must be positive (was {options.ListenReconnectDelay}).");
        }

        if (options.ListenReconnectMaxDelay < options.ListenReconnectDelay)
        {
            failures.Add(
                $"{Provider}: ListenReconnectMaxDelay ({options.ListenReconnectMaxDelay}) must not be less than ListenReconnectDelay ({options.ListenReconnectDelay}).");
        }

        // Npgsql's WaitAsync takes whole milliseconds as an int.
        if (options.ListenHealthCheckInterval < TimeSpan.FromMilliseconds(1) || options.ListenHealthCheckInterval.TotalMilliseconds > int.MaxValue)
        {
            failures.Add($"{Provider}: ListenHealthCheckInterval must be between 1 ms and {int.MaxValue} ms (was {options.ListenHealthCheckInterval}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
