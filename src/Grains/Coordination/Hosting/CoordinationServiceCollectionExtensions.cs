using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TgeSwarm.Grains.Coordination.Memory;
using TgeSwarm.Grains.Coordination.Queen;
using TgeSwarm.Runtime.Hosting;

namespace TgeSwarm.Grains.Coordination.Hosting;

/// <summary>Adds the queen and the memory coordinator to a silo.</summary>
public static class CoordinationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the queen's agent drivers (ingestion shards, TGE sources, scraper shards), its options (<c>Coordination:Queen</c>) and the memory grains'
    /// (<c>Coordination:Memory</c>), bound from <paramref name="configuration"/> when given and validated at start, and
    /// a participant that activates the queen once the silo is active, so reconciliation runs without waiting for a
    /// command. The grains themselves come with this assembly (<c>AddGrainAssembly</c>); both keep their state in the
    /// default grain storage, and the queen needs a reminder service.
    /// </summary>
    public static IServiceCollection AddCoordination(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        Bind<QueenOptions>(services, configuration, QueenOptions.SectionName);
        Bind<MemoryOptions>(services, configuration, MemoryOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QueenOptions>, QueenOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MemoryOptions>, MemoryOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAgentDriver, IngestionAgentDriver>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAgentDriver, SourceAgentDriver>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAgentDriver, ScraperAgentDriver>());
        services.TryAddSingleton<AgentDrivers>();
        services.AddMetrics();
        services.TryAddSingleton<CoordinationInstruments>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISiloLifecycleParticipant, QueenActivator>());
        return services;
    }

    private static void Bind<TOptions>(IServiceCollection services, IConfiguration? configuration, string section)
        where TOptions : class
    {
        var builder = services.AddOptions<TOptions>().ValidateOnStart();
        if (configuration is not null)
        {
            builder.Bind(configuration.GetSection(section));
        }
    }
}
