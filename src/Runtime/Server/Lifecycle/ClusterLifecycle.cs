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
/// Joining. On stop, after every activation is gone, it writes Dead ("stopped gracefully"), closes the listener and
/// every connection, and fails whatever still waits on another silo.
/// </summary>
internal sealed class ClusterLifecycle(
    ConnectionListener listener,
    ConnectionManager connections,
    LocalSiloDetails silo,
    MembershipAgent agent,
    ClusterViewHandler viewHandler,
    RemoteSender sender,
    OutstandingCalls outstanding,
    Catalog.Catalog catalog) : ISiloLifecycleParticipant
{
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
        await agent.LeaveAsync(cancellationToken);
        await _stop.CancelAsync();
        if (_viewLoop is { } loop)
        {
            await loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await listener.StopAsync(cancellationToken);
        await sender.DisposeAsync();
        await connections.DisposeAsync();
        foreach (var request in outstanding.TakeAll())
        {
            catalog.CompleteRequest(request, new SiloUnavailableException(
                $"Silo {silo.SiloAddress} stopped while {request} on grain {request.TargetId} waited for another silo."));
        }

        _stop.Dispose();
    }
}
