using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Dashboard.Assets;
using TgeSwarm.Runtime.Dashboard.Metrics;
using TgeSwarm.Runtime.Dashboard.Security;
using TgeSwarm.Runtime.Dashboard.Snapshots;

namespace TgeSwarm.Runtime.Dashboard;

/// <summary>Registers the dashboard's services on a silo host.</summary>
public static class DashboardServiceCollectionExtensions
{
    /// <summary>
    /// Adds the dashboard (and the metrics listener it reads rates from, <see cref="SwarmMetricsExtensions.AddSwarmMetrics"/>).
    /// Call it again, from another part of the host, to add panels: every <paramref name="configure"/> applies.
    /// </summary>
    public static IServiceCollection AddSwarmDashboard(this IServiceCollection services, Action<DashboardOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<DashboardOptions>().ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.AddSwarmMetrics();
        services.AddAuthorization();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>());
        services.TryAddSingleton(static _ => new DashboardClock(TimeProvider.System));
        services.TryAddSingleton<ISnapshotSource, ClusterSnapshotSource>();
        services.TryAddSingleton<SnapshotProducer>();
        services.TryAddSingleton<EmbeddedAssets>();
        services.TryAddSingleton<DashboardAccess>();
        return services;
    }
}
