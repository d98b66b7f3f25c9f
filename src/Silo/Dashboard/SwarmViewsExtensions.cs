using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Runtime.Dashboard;
using TgeSwarm.Runtime.Dashboard.Panels;
using TgeSwarm.Silo.Configuration;

namespace TgeSwarm.Silo.Dashboard;

internal static class SwarmViewsExtensions
{
    /// <summary>
    /// The dashboard with the swarm's views after the runtime's: agents (with the queen's Stop and Restart), market
    /// pipeline throughput per stage, the busiest instruments' latest features, and TGE events as they arrive. In a
    /// cluster the TGE streams are PostgreSQL queues, so their subscription lag is shown too.
    /// </summary>
    public static IServiceCollection AddSwarmViews(this IServiceCollection services, SwarmHostOptions host)
    {
        ArgumentNullException.ThrowIfNull(host);
        services.AddSingleton<AgentsView>();
        services.AddSingleton<PipelineThroughputView>();
        services.AddSingleton<MarketFeaturesView>();
        services.AddSingleton<TgeEventsView>();
        services.AddSwarmDashboard(options =>
        {
            options.ActionRoles.Add(SwarmViewRoutes.OperatorPolicy);
            if (host.IsClusterMember)
            {
                options.StreamLagProviders.Add(TgeStreamNames.Provider);
            }

            options.Panels.Add(new DashboardPanel("agents", "Agents", 10, static (sp, ct) => sp.GetRequiredService<AgentsView>().LoadAsync(ct)));
            options.Panels.Add(new DashboardPanel("pipeline", "Market pipeline throughput (this silo)", 20, static (sp, ct) => sp.GetRequiredService<PipelineThroughputView>().LoadAsync(ct)));
            options.Panels.Add(new DashboardPanel("features", "Latest features of the busiest instruments", 30, static (sp, ct) => sp.GetRequiredService<MarketFeaturesView>().LoadAsync(ct)));
            options.Panels.Add(new DashboardPanel("tge-events", "TGE events", 40, static (sp, ct) => sp.GetRequiredService<TgeEventsView>().LoadAsync(ct)));
        });
        return services;
    }
}
