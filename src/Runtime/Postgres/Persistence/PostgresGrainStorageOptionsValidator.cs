using Microsoft.Extensions.Options;
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
        PostgresOptionChecks.ConnectionString(failures, provider, options.ConnectionString, "the second argument of AddPostgresGrainStorage");

        PostgresOptionChecks.ServiceId(failures, provider, options.ServiceId);

        if (!Enum.IsDefined(options.StateFormat))
        {
            failures.Add($"{provider}: StateFormat {options.StateFormat} is not a GrainStateFormat.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
