using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Catalog;
using TgeSwarm.Runtime.Diagnostics;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Invocation;
using TgeSwarm.Runtime.Membership;
using TgeSwarm.Runtime.Messaging;

namespace TgeSwarm.Runtime.Directory;

/// <summary>
/// Applies each new membership view to the runtime, in order, one at a time:
/// <list type="number">
/// <item>the ring is rebuilt (the directory and hash placement follow it at once);</item>
/// <item>for every silo now dead: calls waiting on it fail with <see cref="SiloUnavailableException"/> (semantic 5:
/// at once, not at their timeout), its directory entries and cached locations go, its connection closes;</item>
/// <item>directory entries this silo no longer owns are dropped, and this silo's activations whose entry moved to
/// another owner register there again; one that finds another activation already registered is the duplicate and
/// deactivates, handing its queued calls to the winner (DESIGN.md "on a view change, entries that moved are
/// re-registered and the losing duplicate deactivates").</item>
/// </list>
/// </summary>
internal sealed partial class ClusterViewHandler(
    IClusterMembershipService membership,
    GrainDirectory directory,
    GrainLocationCache locations,
    Catalog.Catalog catalog,
    OutstandingCalls outstanding,
    RemoteSender sender,
    LocalSiloDetails silo,
    ILogger<ClusterViewHandler> logger)
{
    // How long a dead silo's open connections may take to read to their end before the calls waiting on it fail.
    // Socket reads run in real time whatever clock the silo uses, so this bound does too.
    private static readonly TimeSpan DeadPeerReadGrace = TimeSpan.FromSeconds(1);

    private readonly HashSet<SiloAddress> _knownDead = [];
    private long _appliedVersion;

    /// <summary>The membership version whose consequences (dead silos, re-registrations) are fully applied.</summary>
    public long AppliedVersion => Volatile.Read(ref _appliedVersion);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var snapshot in membership.WatchAsync(cancellationToken))
        {
            try
            {
                await ApplyAsync(snapshot, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One failed view change must not stop the next ones from being applied.
                LogViewChangeFailed(logger, exception, snapshot.Version);
            }
        }
    }

    /// <summary>Re-applies the current view after this silo's own status changed (it became active, or is leaving).</summary>
    public Task ReapplyAsync(ConsistentRing previousRing, CancellationToken cancellationToken) =>
        RebalanceAsync(previousRing, cancellationToken);

    internal async Task ApplyAsync(ClusterMembershipSnapshot snapshot, CancellationToken cancellationToken)
    {
        var previousRing = directory.UpdateView(snapshot);
        LogViewChanged(logger, snapshot.Version, string.Join(", ", directory.Ring.Silos));

        foreach (var (address, member) in snapshot.Members)
        {
            if ((member.Status == SiloStatus.Dead || snapshot.IsDead(address)) && _knownDead.Add(address))
            {
                await ReadToEndAsync(address, cancellationToken);
                OnSiloDead(address);
            }
        }

        await RebalanceAsync(previousRing, cancellationToken);
        Volatile.Write(ref _appliedVersion, snapshot.Version);
    }

    /// <summary>
    /// Lets this silo's connections to <paramref name="dead"/> read what it sent before it closed them. A silo that
    /// stops gracefully writes its last answers (to calls it handed over and relayed), closes its connections and
    /// only then reads as Dead; this silo may learn of the death from membership while its receive loop is still
    /// reading those answers, and would fail calls whose answers it already holds. A killed silo's connections end at
    /// once (the OS closes them); one that vanished without a close costs at most <see cref="DeadPeerReadGrace"/>.
    /// </summary>
    private async Task ReadToEndAsync(SiloAddress dead, CancellationToken cancellationToken)
    {
        var open = sender.Connections.Connections
            .Where(c => dead.Equals(c.PeerIdentity.Silo) && !c.Closed.IsCompleted)
            .Select(static c => c.Closed)
            .ToArray();
        if (open.Length == 0)
        {
            return;
        }

        try
        {
            await Task.WhenAll(open).WaitAsync(DeadPeerReadGrace, TimeProvider.System, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Still open: the peer went without closing; what waits on it fails now, as it would have without the wait.
        }
    }

    private void OnSiloDead(SiloAddress dead)
    {
        directory.Partition.RemoveWhere(entry => entry.SiloAddress.Equals(dead));
        locations.RemoveSilo(dead);
        sender.OnSiloDead(dead);
        var failed = outstanding.TakeAllFor(dead);
        if (failed.Count > 0)
        {
            LogCallsFailed(logger, failed.Count, dead);
        }

        foreach (var request in failed)
        {
            catalog.CompleteRequest(request, new SiloUnavailableException(
                $"Silo {dead} was declared dead while {request} on grain {request.TargetId} waited for it; the call may or may not have run there. The grain comes back on another silo at its next call."));
        }
    }

    private async Task RebalanceAsync(ConsistentRing previousRing, CancellationToken cancellationToken)
    {
        var ring = directory.Ring;
        var self = silo.SiloAddress;
        if (ring.Silos.SequenceEqual(previousRing.Silos))
        {
            return;
        }

        directory.Partition.RemoveWhere(entry => ring.Owner(entry.GrainId) is { } owner && !owner.Equals(self));

        var moved = new List<ActivationData>();
        foreach (var activation in catalog.Activations)
        {
            if (!activation.ClassInfo.IsStatelessWorker && !activation.ClassInfo.IsSystemTarget
                && activation.State is ActivationState.Valid or ActivationState.Activating
                && !Equals(previousRing.Owner(activation.GrainId), ring.Owner(activation.GrainId)))
            {
                moved.Add(activation);
            }
        }

        if (moved.Count == 0)
        {
            return;
        }

        var winners = await directory.RegisterManyAsync([.. moved.Select(static a => a.Address)], 0, cancellationToken);
        var losers = 0;
        for (var i = 0; i < moved.Count; i++)
        {
            if (!winners[i].Equals(moved[i].Address))
            {
                losers++;
                moved[i].StartDeactivation(new DeactivationReason(
                    DeactivationReasonCode.DuplicateActivation,
                    $"Grain {moved[i].GrainId} is also active on {winners[i].SiloAddress}, which the directory chose after a membership change."));
            }
        }

        LogReregistered(logger, moved.Count, losers);
    }

    [LoggerMessage(SiloEventIds.ViewChanged, LogLevel.Information, "Membership view {Version}: ring of {Silos}")]
    private static partial void LogViewChanged(ILogger logger, long version, string silos);

    [LoggerMessage(SiloEventIds.CallsFailedForDeadSilo, LogLevel.Warning, "Failed {Count} calls waiting on dead silo {Silo} with SiloUnavailableException")]
    private static partial void LogCallsFailed(ILogger logger, int count, SiloAddress silo);

    [LoggerMessage(SiloEventIds.DirectoryReregistered, LogLevel.Information, "Re-registered {Count} activations whose directory owner moved; {Losers} were duplicates and deactivate")]
    private static partial void LogReregistered(ILogger logger, int count, int losers);

    [LoggerMessage(SiloEventIds.ViewChangeFailed, LogLevel.Error, "Applying membership view {Version} failed")]
    private static partial void LogViewChangeFailed(ILogger logger, Exception exception, long version);
}
