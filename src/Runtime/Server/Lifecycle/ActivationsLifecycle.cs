using TgeSwarm.Runtime.Hosting;

namespace TgeSwarm.Runtime.Lifecycle;

/// <summary>
/// Marks the silo active at <see cref="SiloLifecycleStage.Active"/>; on stop, before anything it depends on stops,
/// deactivates every activation (running <c>OnDeactivateAsync</c>), bounded by the host's shutdown timeout.
/// </summary>
internal sealed class ActivationsLifecycle(Catalog.Catalog catalog, LocalSiloDetails silo) : ISiloLifecycleParticipant
{
    public int Stage => SiloLifecycleStage.Active;

    public Task OnStartAsync(CancellationToken cancellationToken)
    {
        silo.Status = SiloStatus.Active;
        return Task.CompletedTask;
    }

    public async Task OnStopAsync(CancellationToken cancellationToken)
    {
        silo.Status = SiloStatus.ShuttingDown;
        await catalog.DeactivateAllAsync(cancellationToken);
    }
}
