using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Configuration;

namespace TgeSwarm.Runtime.Postgres.Reminders;

/// <summary>Fails silo start-up on reminder settings that could never work, instead of on the first reminder read.</summary>
internal sealed class PostgresReminderOptionsValidator : IValidateOptions<PostgresReminderOptions>
{
    private const string Provider = "PostgreSQL reminder service";

    public ValidateOptionsResult Validate(string? name, PostgresReminderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        PostgresOptionChecks.ConnectionString(failures, Provider, options.ConnectionString, "the argument of UsePostgresReminderService");

        PostgresOptionChecks.ServiceId(failures, Provider, options.ServiceId);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
