using TgeSwarm.Runtime.Membership;
using TgeSwarm.Runtime.Messaging;
using TgeSwarm.Runtime.Networking;

namespace TgeSwarm.Runtime.Hosting;

/// <summary>
/// Ends a silo the way a crash does, for in-process tests: every connection drops, membership writes stop (no Dead
/// row, no IAmAlive), nothing is handed over and no <c>OnDeactivateAsync</c> runs. The other silos find out only by
/// probing it, exactly as with a killed process.
/// </summary>
internal sealed class SiloKiller(
    LocalSiloDetails silo,
    MembershipAgent agent,
    ConnectionListener listener,
    ConnectionManager connections,
    RemoteSender sender,
    ResponseTimeoutMonitor timeouts,
    Catalog.ActivationCollector collector)
{
    public bool IsKilled { get; private set; }

    public async Task KillAsync()
    {
        IsKilled = true;
        await agent.DisposeAsync();
        await listener.StopAsync(CancellationToken.None);
        sender.AbandonAll();
        await connections.DisposeAsync();
        await timeouts.DisposeAsync();
        await collector.DisposeAsync();
        silo.Status = SiloStatus.Dead;
    }
}
