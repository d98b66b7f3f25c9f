using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Diagnostics;
using TgeSwarm.Runtime.Directory;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Membership;

namespace TgeSwarm.Runtime.Lifecycle;

/// <summary>
/// Becomes an active member last, once everything else runs, and on stop leaves first: writes ShuttingDown (the
/// others stop sending new work here) and takes itself off the ring, so the hand-overs of the activations lifecycle
/// below it, and calls still arriving, go to the owners without it (DESIGN.md semantic 5).
/// </summary>
internal sealed partial class ClusterActiveLifecycle(
    MembershipAgent agent,
    GrainDirectory directory,
    ClusterViewHandler viewHandler,
    ILogger<ClusterActiveLifecycle> logger) : ISiloLifecycleParticipant
{
    /// <summary>Runs after <see cref="SiloLifecycleStage.Active"/> starts, so it stops before the activations do.</summary>
    public int Stage => SiloLifecycleStage.Active + 1;

    public async Task OnStartAsync(CancellationToken cancellationToken)
    {
        await agent.BecomeActiveAsync(cancellationToken);
        await viewHandler.ReapplyAsync(directory.RebuildRing(), cancellationToken);
        LogJoined(logger, directory.Ring.Silos.Length);
    }

    public async Task OnStopAsync(CancellationToken cancellationToken)
    {
        await agent.ShutDownAsync(cancellationToken);
        await viewHandler.ReapplyAsync(directory.Leave(), cancellationToken);
    }

    [LoggerMessage(SiloEventIds.ClusterJoined, LogLevel.Information, "Active in a ring of {Silos} silos")]
    private static partial void LogJoined(ILogger logger, int silos);
}
