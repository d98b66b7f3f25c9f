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
                OnSiloDead(address);
            }
        }

        await RebalanceAsync(previousRing, cancellationToken);
        Volatile.Write(ref _appliedVersion, snapshot.Version);
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
