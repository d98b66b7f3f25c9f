using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Catalog;
using TgeSwarm.Runtime.CodeRegistry;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Diagnostics;
using TgeSwarm.Runtime.Lifecycle;
using TgeSwarm.Runtime.Messaging;
using TgeSwarm.Runtime.Serialization;

namespace TgeSwarm.Runtime.Hosting;

/// <summary>
/// The silo's composition root: every service the runtime needs, registered with <c>TryAdd</c> so an
/// application (or a test) can replace any of them — a fake <see cref="TimeProvider"/> above all.
/// </summary>
internal static class DefaultSiloServices
{
    public static void Add(ISiloBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);

        services.AddValidatedOptions<ClusterOptions>();
        services.AddValidatedOptions<SiloOptions>();
        services.AddValidatedOptions<SiloMessagingOptions>();
        services.AddValidatedOptions<GrainCollectionOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterOptions>, ClusterOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SiloMessagingOptions>, SiloMessagingOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GrainCollectionOptions>, GrainCollectionOptionsValidator>());

        services.TryAddSingleton(static sp => BuildRegistry(sp.GetServices<GrainAssembly>()));
        services.TryAddSingleton(static sp => new CodecProvider(sp.GetRequiredService<SwarmCodeRegistry>(), new DeferredReferenceRuntime(sp)));
        services.TryAddSingleton<SwarmSerializer>();
        services.TryAddSingleton<LocalSiloDetails>();
        services.TryAddSingleton<ILocalSiloDetails>(static sp => sp.GetRequiredService<LocalSiloDetails>());
        services.TryAddSingleton<SiloInstruments>();
        services.TryAddSingleton<GrainClassMap>();
        services.TryAddSingleton<ActivationServices>();
        services.TryAddSingleton<Catalog.Catalog>();
        services.TryAddSingleton<ActivationCollector>();
        services.TryAddSingleton<ResponseTimeoutMonitor>();
        services.TryAddSingleton<SiloRuntimeClient>();
        services.TryAddSingleton<SiloClusterClient>();
        services.TryAddSingleton<IClusterClient>(static sp => sp.GetRequiredService<SiloClusterClient>());
        services.TryAddSingleton<IGrainFactory>(static sp => sp.GetRequiredService<SiloClusterClient>());

        services.AddSingleton<ISiloLifecycleParticipant, RuntimeLifecycle>();
        services.AddSingleton<ISiloLifecycleParticipant, ActivationsLifecycle>();
        services.AddHostedService<SiloHost>();
    }

    private static SwarmCodeRegistry BuildRegistry(IEnumerable<GrainAssembly> configured)
    {
        var registry = new SwarmCodeRegistry();
        registry.AddReferenceClosure(typeof(DefaultSiloServices).Assembly);
        if (Assembly.GetEntryAssembly() is { } entry)
        {
            registry.AddReferenceClosure(entry);
        }

        foreach (var grainAssembly in configured)
        {
            registry.AddReferenceClosure(grainAssembly.Assembly);
        }

        // Test runners are not the entry assembly; the assemblies already loaded (the tests themselves) still count.
        foreach (var loaded in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (!loaded.IsDynamic && loaded.IsDefined(typeof(SwarmGeneratedCodeAttribute)))
            {
                registry.AddReferenceClosure(loaded);
            }
        }

        return registry;
    }
}
