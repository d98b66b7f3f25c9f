using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Diagnostics;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Membership;

namespace TgeSwarm.Runtime.Directory;

/// <summary>
/// The cluster's grain directory: grain → its one activation, partitioned over the active silos by
/// <see cref="ConsistentRing"/>. Each operation goes to the grain's owner by this silo's view — locally when that is
/// this silo (always, for a hash-placed grain activated where placement put it), else to the owner's
/// <see cref="IRemoteGrainDirectory"/>. Registration happens before an activation loads state or runs user code,
/// and only the winner runs, which is how one activation per grain holds across silos.
/// </summary>
internal sealed partial class GrainDirectory
{
    /// <summary>How many silos a directory request may pass through while views disagree.</summary>
    public const int MaxHops = 3;

    private const int MaxAttempts = 4;

    private readonly GrainDirectoryPartition _partition = new();
    private readonly LocalSiloDetails _silo;
    private readonly IServiceProvider _services;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<GrainDirectory> _logger;
    private readonly Lock _viewLock = new();
    private ClusterMembershipSnapshot _snapshot = ClusterMembershipSnapshot.Empty;
    private ConsistentRing _ring = ConsistentRing.Empty;
    private bool _leaving;

    public GrainDirectory(LocalSiloDetails silo, IServiceProvider services, TimeProvider timeProvider, ILogger<GrainDirectory> logger)
    {
        _silo = silo;
        _services = services;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public GrainDirectoryPartition Partition => _partition;

    public ConsistentRing Ring => Volatile.Read(ref _ring);

    public ClusterMembershipSnapshot Snapshot => Volatile.Read(ref _snapshot);

    private IGrainFactory GrainFactory => field ??= _services.GetRequiredService<IGrainFactory>();

    /// <summary>Whether <paramref name="silo"/> is known to be gone (dead, or replaced by a newer generation).</summary>
    public bool IsDead(SiloAddress silo) => Snapshot.IsDead(silo);

    /// <summary>The silo owning <paramref name="grainId"/>'s entry (and, for hash placement, hosting it); null when no silo is active.</summary>
    public SiloAddress? OwnerOf(GrainId grainId) => Ring.Owner(grainId);

    /// <summary>
    /// Takes a new membership view: rebuilds the ring (active silos, plus this one while it is active and not leaving)
    /// and returns the previous ring, so the caller can find grains whose owner moved. A view older than the one
    /// already taken changes nothing.
    /// </summary>
    public ConsistentRing UpdateView(ClusterMembershipSnapshot snapshot)
    {
        lock (_viewLock)
        {
            if (snapshot.Version < _snapshot.Version)
            {
                return _ring;
            }

            Volatile.Write(ref _snapshot, snapshot);
            return RebuildRingLocked();
        }
    }

    /// <summary>This silo is stopping: it stops owning directory entries and hash-placed grains.</summary>
    public ConsistentRing Leave()
    {
        lock (_viewLock)
        {
            _leaving = true;
            return RebuildRingLocked();
        }
    }

    /// <summary>Rebuilds the ring after this silo's own status changed (it became active).</summary>
    public ConsistentRing RebuildRing()
    {
        lock (_viewLock)
        {
            return RebuildRingLocked();
        }
    }

    /// <summary>
    /// The ring is a function of the view, this silo's status and whether it is leaving, and is rebuilt under one lock
    /// from all three: the silo turning active (its start-up thread) and a new view (the view handler) rebuild it
    /// concurrently, and without the lock the one that read the older view could publish its ring last. A silo that
    /// became active on an empty view and kept a ring of only itself placed every grain locally while the others
    /// placed them by the full ring: two activations of one grain in a stable cluster.
    /// </summary>
    private ConsistentRing RebuildRingLocked()
    {
        var self = _silo.SiloAddress;
        var silos = _snapshot.ActiveSilos;
        if (_leaving)
        {
            silos = silos.Remove(self);
        }
        else if (_silo.Status == SiloStatus.Active && !silos.Contains(self))
        {
            silos = [.. silos.Add(self).Order()];
        }

        var ring = silos.IsEmpty ? ConsistentRing.Empty : new ConsistentRing(silos);
        var previous = _ring;
        Volatile.Write(ref _ring, ring);
        return previous;
    }

    public async Task<GrainAddress> RegisterAsync(GrainAddress address, int hops, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var owner = OwnerOf(address.GrainId);
            if (IsLocal(owner, hops))
            {
                return _partition.Register(address, IsDead);
            }

            try
            {
                return await Remote(owner!).Register(address, hops);
            }
            catch (SiloUnavailableException) when (attempt < MaxAttempts)
            {
                await WaitForNewViewAsync(owner!, cancellationToken);
            }
        }
    }

    public async Task<List<GrainAddress>> RegisterManyAsync(List<GrainAddress> addresses, int hops, CancellationToken cancellationToken)
    {
        var winners = new GrainAddress[addresses.Count];
        var byOwner = new Dictionary<SiloAddress, List<int>>();
        for (var i = 0; i < addresses.Count; i++)
        {
            var owner = OwnerOf(addresses[i].GrainId);
            if (IsLocal(owner, hops))
            {
                winners[i] = _partition.Register(addresses[i], IsDead);
            }
            else
            {
                (byOwner.TryGetValue(owner!, out var list) ? list : byOwner[owner!] = []).Add(i);
            }
        }

        foreach (var (owner, indexes) in byOwner)
        {
            List<GrainAddress> remoteWinners;
            try
            {
                remoteWinners = await Remote(owner).RegisterMany([.. indexes.Select(i => addresses[i])], hops);
            }
            catch (SiloUnavailableException)
            {
                // The owner left meanwhile: register one by one, which follows the newer view.
                remoteWinners = [];
                foreach (var i in indexes)
                {
                    remoteWinners.Add(await RegisterAsync(addresses[i], hops, cancellationToken));
                }
            }

            for (var j = 0; j < indexes.Count; j++)
            {
                winners[indexes[j]] = remoteWinners[j];
            }
        }

        return [.. winners];
    }

    public async Task UnregisterAsync(GrainAddress address, int hops, CancellationToken cancellationToken)
    {
        var owner = OwnerOf(address.GrainId);
        if (IsLocal(owner, hops))
        {
            _partition.Unregister(address);
            return;
        }

        try
        {
            await Remote(owner!).Unregister(address, hops);
        }
        catch (Exception exception) when (exception is SiloUnavailableException or TimeoutException)
        {
            // The entry dies with its owner or is overwritten by the next registration, which checks liveness.
            LogUnregisterFailed(_logger, exception, address, owner!);
        }
    }

    public async Task<GrainAddress?> LookupAsync(GrainId grainId, int hops, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var owner = OwnerOf(grainId);
            if (IsLocal(owner, hops))
            {
                return Live(_partition.Lookup(grainId));
            }

            try
            {
                return Live(await Remote(owner!).Lookup(grainId, hops));
            }
            catch (SiloUnavailableException) when (attempt < MaxAttempts)
            {
                await WaitForNewViewAsync(owner!, cancellationToken);
            }
        }
    }

    private GrainAddress? Live(GrainAddress? address) => address is null || IsDead(address.SiloAddress) ? null : address;

    private bool IsLocal(SiloAddress? owner, int hops)
    {
        if (owner is null || owner.Equals(_silo.SiloAddress))
        {
            return true;
        }

        if (hops < MaxHops)
        {
            return false;
        }

        // Views keep disagreeing: keep the entry here rather than bounce it around; the next view change re-registers it.
        LogHopLimit(_logger, owner, hops);
        return true;
    }

    private IRemoteGrainDirectory Remote(SiloAddress owner) => GrainFactory.GetGrain<IRemoteGrainDirectory>(owner.ToString());

    /// <summary>
    /// An owner that cannot be reached is usually about to be declared dead; give membership a moment to say so (or
    /// the owner a moment to come back) before asking again.
    /// </summary>
    private async Task WaitForNewViewAsync(SiloAddress unreachable, CancellationToken cancellationToken)
    {
        await Polling.WaitUntilAsync(() => IsDead(unreachable), TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(100), _timeProvider, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
    }

    [LoggerMessage(SiloEventIds.DirectoryHopLimit, LogLevel.Warning, "Directory request for owner {Owner} passed {Hops} silos; silos disagree on membership, keeping the entry locally")]
    private static partial void LogHopLimit(ILogger logger, SiloAddress owner, int hops);

    [LoggerMessage(SiloEventIds.DirectoryUnregisterFailed, LogLevel.Debug, "Could not unregister {Address} at {Owner}")]
    private static partial void LogUnregisterFailed(ILogger logger, Exception exception, GrainAddress address, SiloAddress owner);
}
