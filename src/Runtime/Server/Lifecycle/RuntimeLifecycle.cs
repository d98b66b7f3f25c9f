using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Catalog;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Messaging;

namespace TgeSwarm.Runtime.Lifecycle;

/// <summary>
/// The runtime's own start-up: at <see cref="SiloLifecycleStage.RuntimeInitialize"/> it builds the grain class map
/// (so a broken grain class fails start-up, not the first call) and starts the timeout sweep and the collector.
/// </summary>
internal sealed class RuntimeLifecycle(IServiceProvider services) : ISiloLifecycleParticipant
{
    public int Stage => SiloLifecycleStage.RuntimeInitialize;

    public Task OnStartAsync(CancellationToken cancellationToken)
    {
        // Resolving the class map validates every grain class now, so mistakes stop start-up with their message.
        _ = services.GetRequiredService<GrainClassMap>();
        var runtime = services.GetRequiredService<SiloRuntimeClient>();
        services.GetRequiredService<ResponseTimeoutMonitor>().Start(runtime.Fail);
        services.GetRequiredService<ActivationCollector>().Start();
        return Task.CompletedTask;
    }

    public async Task OnStopAsync(CancellationToken cancellationToken)
    {
        await services.GetRequiredService<ActivationCollector>().DisposeAsync();
        await services.GetRequiredService<ResponseTimeoutMonitor>().DisposeAsync();
    }
}
