using Microsoft.Extensions.Options;
using Npgsql;
using TgeSwarm.Runtime.Configuration;

namespace TgeSwarm.Runtime.Postgres.Persistence;

/// <summary>Fails silo start-up on a provider that could never work, naming the provider, instead of on its first read.</summary>
internal sealed class PostgresGrainStorageOptionsValidator : IValidateOptions<PostgresGrainStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgresGrainStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var provider = $"PostgreSQL grain storage '{name}'";
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{provider}: ConnectionString is required (the second argument of AddPostgresGrainStorage).");
        }
        else if (ParseError(options.ConnectionString) is { } error)
        {
            failures.Add($"{provider}: ConnectionString is not a valid Npgsql connection string: {error}");
        }

        if (options.ServiceId is not null && string.IsNullOrWhiteSpace(options.ServiceId))
        {
            failures.Add($"{provider}: ServiceId must not be empty (leave it null to use ClusterOptions.ServiceId).");
        }

        if (!Enum.IsDefined(options.StateFormat))
        {
            failures.Add($"{provider}: StateFormat {options.StateFormat} is not a GrainStateFormat.");
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
