using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Persistence;
using TgeSwarm.Runtime.Postgres;
using TgeSwarm.Runtime.Postgres.Persistence;

namespace TgeSwarm.Runtime.Hosting;

public static class PostgresGrainStorageExtensions
{
    /// <summary>
    /// Adds a grain storage provider named <paramref name="name"/> that keeps states in PostgreSQL. The schema in
    /// <c>db/migrations</c> is applied automatically before the provider's first use. Options are validated when the
    /// silo starts.
    /// </summary>
    public static ISiloBuilder AddPostgresGrainStorage(
        this ISiloBuilder builder, string name, string connectionString, Action<PostgresGrainStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        // A null or blank connection string is left to the validator, whose message names the provider.
        builder.Services.AddOptions<PostgresGrainStorageOptions>(name)
            .Configure(options =>
            {
                options.ConnectionString = connectionString;
                configure?.Invoke(options);
            })
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<PostgresGrainStorageOptions>, PostgresGrainStorageOptionsValidator>());
        builder.Services.TryAddSingleton<PostgresDatabases>();
        builder.Services.AddKeyedSingleton<IGrainStorage>(name, (services, _) => CreateStorage(services, name));
        return builder;
    }

    private static PostgresGrainStorage CreateStorage(IServiceProvider services, string name)
    {
        // Get(name) runs the validators, so resolving a misconfigured provider fails even without a host.
        var options = services.GetRequiredService<IOptionsMonitor<PostgresGrainStorageOptions>>().Get(name);
        var database = services.GetRequiredService<PostgresDatabases>().Get(options.ConnectionString);
        var codec = new GrainStatePayloadCodec(options.StateFormat, options.JsonSerializerOptions);
        return new PostgresGrainStorage(
            name, database, options.ServiceId, codec, services.GetRequiredService<ILogger<PostgresGrainStorage>>());
    }
}
