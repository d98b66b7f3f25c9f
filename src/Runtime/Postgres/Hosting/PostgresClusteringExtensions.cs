using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Membership;
using TgeSwarm.Runtime.Postgres;
using TgeSwarm.Runtime.Postgres.Membership;

namespace TgeSwarm.Runtime.Hosting;

public static class PostgresClusteringExtensions
{
    /// <summary>
    /// Keeps the cluster's membership in PostgreSQL: replaces any membership table registered before with one on
    /// <paramref name="connectionString"/>, partitioned by <see cref="ClusterOptions.ClusterId"/>, whose change feed
    /// (LISTEN/NOTIFY) tells silos of changes at once. The schema in <c>db/migrations</c> is applied before first use;
    /// options are validated when the silo starts.
    /// </summary>
    public static ISiloBuilder UsePostgresClustering(
        this ISiloBuilder builder, string connectionString, Action<PostgresClusteringOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddPostgresClustering(builder.Services, connectionString, configure);
        return builder;
    }

    /// <summary>
    /// Lets the client read the cluster's membership from PostgreSQL (to find gateways): the same table as
    /// <see cref="UsePostgresClustering(ISiloBuilder, string, Action{PostgresClusteringOptions}?)"/>, for the client's
    /// <see cref="ClusterOptions.ClusterId"/>.
    /// </summary>
    public static IClientBuilder UsePostgresClustering(
        this IClientBuilder builder, string connectionString, Action<PostgresClusteringOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddPostgresClustering(builder.Services, connectionString, configure);
        return builder;
    }

    private static void AddPostgresClustering(
        IServiceCollection services, string connectionString, Action<PostgresClusteringOptions>? configure)
    {
        // A null or blank connection string is left to the validator, whose message says where it comes from.
        services.AddOptions<PostgresClusteringOptions>()
            .Configure(options =>
            {
                options.ConnectionString = connectionString;
                configure?.Invoke(options);
            })
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<PostgresClusteringOptions>, PostgresClusteringOptionsValidator>());
        services.TryAddSingleton<PostgresDatabases>();
        services.TryAddSingleton(CreateTable);

        // One instance behind both contracts; an earlier clustering choice (localhost, another call) is replaced.
        services.RemoveAll<IMembershipTable>();
        services.RemoveAll<IMembershipTableChangeFeed>();
        services.AddSingleton<IMembershipTable>(static s => s.GetRequiredService<PostgresMembershipTable>());
        services.AddSingleton<IMembershipTableChangeFeed>(static s => s.GetRequiredService<PostgresMembershipTable>());
    }

    private static PostgresMembershipTable CreateTable(IServiceProvider services)
    {
        // Value runs the validators, so resolving a misconfigured table fails even without a host.
        var options = services.GetRequiredService<IOptions<PostgresClusteringOptions>>().Value;
        var clusterId = services.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId;
        return new PostgresMembershipTable(
            services.GetRequiredService<PostgresDatabases>().Get(options.ConnectionString),
            clusterId,
            options,
            services.GetService<TimeProvider>() ?? TimeProvider.System,
            services.GetRequiredService<ILogger<PostgresMembershipTable>>());
    }
}
