using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Directory;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Membership;
using TgeSwarm.Runtime.Messaging;
using TgeSwarm.Runtime.Networking;

namespace TgeSwarm.Runtime.Lifecycle;

/// <summary>
/// Joins the cluster at <see cref="SiloLifecycleStage.RuntimeServices"/>: starts accepting connections (the port was
/// bound when the silo's address was fixed), starts applying membership views, and writes this silo's row as
/// Joining. On stop, after every activation is gone, it lets the last responses leave, closes the listener and every
/// connection, writes Dead ("stopped gracefully"), and fails whatever still waits on another silo.
/// </summary>
internal sealed class ClusterLifecycle(
    ConnectionListener listener,
    ConnectionManager connections,
    LocalSiloDetails silo,
    MembershipAgent agent,
    ClusterViewHandler viewHandler,
    RemoteSender sender,
    OutstandingCalls outstanding,
    Catalog.Catalog catalog,
    TimeProvider timeProvider) : ISiloLifecycleParticipant
{
    private static readonly TimeSpan SendDrainLimit = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stop = new();
    private Task? _viewLoop;

    public int Stage => SiloLifecycleStage.RuntimeServices;

    public async Task OnStartAsync(CancellationToken cancellationToken)
    {
        listener.Start(silo.SiloAddress);
        _viewLoop = viewHandler.RunAsync(_stop.Token);
        await agent.JoinAsync(cancellationToken);
    }

    public async Task OnStopAsync(CancellationToken cancellationToken)
    {
        // The last answers (to calls this silo handed over and relayed) leave first, then the connections close, and
        // only then does this silo read as Dead: a peer reads every frame before it sees the close, and fails what
        // still waits on this silo only when it sees it dead.
        await WaitForSendsAsync(cancellationToken);
        await listener.StopAsync(cancellationToken);
        sender.AbandonAll();
        await connections.DisposeAsync();
        await agent.LeaveAsync(cancellationToken);
        await _stop.CancelAsync();
        if (_viewLoop is { } loop)
        {
            await loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        foreach (var request in outstanding.TakeAll())
        {
            catalog.CompleteRequest(request, new SiloUnavailableException(
                $"Silo {silo.SiloAddress} stopped while {request} on grain {request.TargetId} waited for another silo."));
        }

        _stop.Dispose();
    }

    private Task WaitForSendsAsync(CancellationToken cancellationToken) => Polling.WaitUntilAsync(
        () => listener.Connections.All(static c => c.IsSendIdle) && connections.Connections.All(static c => c.IsSendIdle),
        SendDrainLimit,
        TimeSpan.FromMilliseconds(5),
        timeProvider,
        cancellationToken);
}
