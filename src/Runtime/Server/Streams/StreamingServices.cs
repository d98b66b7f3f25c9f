using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TgeSwarm.Runtime.Streams;

/// <summary>The streaming runtime every silo carries, providers or not (cheap singletons, created on first use).</summary>
internal static class StreamingServices
{
    public static void AddCore(IServiceCollection services)
    {
        services.TryAddSingleton<StreamInstruments>();
        services.TryAddSingleton<ImplicitStreamSubscriptions>();
        services.TryAddSingleton<StreamRuntimeServices>();
        services.TryAddSingleton<StreamSubscriptionManager>();
        services.TryAddSingleton<StreamProviderRegistry>();
        services.TryAddSingleton<StreamsLifecycle>();
        services.AddSingleton<Hosting.ISiloLifecycleParticipant>(static sp => sp.GetRequiredService<StreamsLifecycle>());
    }
}
