using Microsoft.Extensions.Options;
using TgeSwarm.Silo.Configuration;

namespace TgeSwarm.Silo.Health;

internal static class HealthServiceCollectionExtensions
{
    public const string SiloCheck = "silo";
    public const string StorageCheck = "storage";

    /// <summary>
    /// The readiness checks behind <c>/health/ready</c>: the silo is an active member, and, in a cluster, PostgreSQL
    /// answers (the embedded default keeps its state in memory, which always does).
    /// </summary>
    public static IServiceCollection AddSwarmHealth(this IServiceCollection services, IConfiguration configuration, SwarmHostOptions swarm)
    {
        services.AddOptions<HealthOptions>().Bind(configuration.GetSection(HealthOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HealthOptions>, HealthOptionsValidator>();
        var checks = services.AddHealthChecks().AddCheck<SiloReadinessCheck>(SiloCheck, tags: [HealthEndpoints.ReadyTag]);
        if (swarm.IsClusterMember)
        {
            services.AddSingleton(sp => new StorageReadinessCheck(
                swarm.Postgres!,
                sp.GetRequiredService<IOptions<HealthOptions>>(),
                sp.GetRequiredService<TimeProvider>()));
            checks.AddCheck<StorageReadinessCheck>(StorageCheck, tags: [HealthEndpoints.ReadyTag]);
        }

        return services;
    }
}
