using Microsoft.Extensions.Options;
using Npgsql;
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
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{Provider}: ConnectionString is required (the argument of UsePostgresReminderService).");
        }
        else if (ParseError(options.ConnectionString) is { } error)
        {
            failures.Add($"{Provider}: ConnectionString is not a valid Npgsql connection string: {error}");
        }

        if (options.ServiceId is not null && string.IsNullOrWhiteSpace(options.ServiceId))
        {
            failures.Add($"{Provider}: ServiceId must not be empty (leave it null to use ClusterOptions.ServiceId).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? ParseError(string connectionString)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
    }
}
