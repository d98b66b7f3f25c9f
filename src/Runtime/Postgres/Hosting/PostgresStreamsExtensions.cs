using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Persistence;
using TgeSwarm.Runtime.Postgres;
using TgeSwarm.Runtime.Postgres.Streams;
using TgeSwarm.Runtime.Streams;

namespace TgeSwarm.Runtime.Hosting;

public static class PostgresStreamsExtensions
{
    /// <summary>
    /// Adds a PostgreSQL stream provider named <paramref name="name"/>: durable queues, pulling agents spread over the
    /// live silos, at-least-once delivery with acknowledgement, rewind, retention and a dead-letter table. Explicit
    /// subscriptions are kept in the grain storage named <c>PubSubStore</c>; if none is configured yet, one in the same
    /// database is added. The schema in <c>db/migrations</c> is applied before first use.
    /// </summary>
    public static ISiloBuilder AddPostgresStreams(
        this ISiloBuilder builder, string name, string connectionString, Action<PostgresStreamOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Contains('/'))
        {
            throw new ArgumentException($"A stream provider name may not contain '/': '{name}'.", nameof(name));
        }

        builder.Services.AddOptions<PostgresStreamOptions>(name)
            .Configure(options =>
            {
                options.ConnectionString = connectionString;
                configure?.Invoke(options);
            })
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgresStreamOptions>, PostgresStreamOptionsValidator>());
        builder.Services.TryAddSingleton<PostgresDatabases>();
        if (!builder.Services.Any(static d => d.IsKeyedService && d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, "PubSubStore")))
        {
            builder.AddPostgresGrainStorage("PubSubStore", connectionString);
        }

        builder.Services.AddSingleton<IStreamQueueStorage>(services => CreateStorage(services, name));
        return builder;
    }

    private static PostgresStreamQueueStorage CreateStorage(IServiceProvider services, string name)
    {
        var options = services.GetRequiredService<IOptionsMonitor<PostgresStreamOptions>>().Get(name);
        var database = services.GetRequiredService<PostgresDatabases>().Get(options.ConnectionString);
        var serviceId = options.ServiceId ?? services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;
        var store = new PostgresStreamQueueStore(
            database, serviceId, services.GetService<TimeProvider>() ?? TimeProvider.System, services.GetRequiredService<ILogger<PostgresStreamQueueStore>>());
        return new PostgresStreamQueueStorage(name, store, options);
    }
}
