using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Persistence;
using TgeSwarm.Runtime.Postgres;
using TgeSwarm.Runtime.Postgres.Persistence;
using TgeSwarm.Runtime.Serialization;

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
        var serviceId = options.ServiceId ?? services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;

        // Json resolves the serializer too when the silo has one, so rows written in Binary before a switch still read.
        var serializer = services.GetService<SwarmSerializer>();
        if (options.StateFormat == GrainStateFormat.Binary && serializer is null)
        {
            throw new InvalidOperationException(
                $"PostgreSQL grain storage '{name}' uses StateFormat Binary, which needs the runtime's SwarmSerializer; " +
                "it is registered by the silo (UseSwarmSilo). Register it or use StateFormat Json.");
        }

        var codec = new GrainStatePayloadCodec(options.StateFormat, options.JsonSerializerOptions, serializer);
        return new PostgresGrainStorage(name, database, serviceId, codec, services.GetRequiredService<ILogger<PostgresGrainStorage>>());
    }
}
