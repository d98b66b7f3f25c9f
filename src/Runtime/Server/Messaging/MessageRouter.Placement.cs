using TgeSwarm.Runtime.Catalog;
using TgeSwarm.Runtime.Directory;
using TgeSwarm.Runtime.Invocation;

namespace TgeSwarm.Runtime.Messaging;

/// <summary>Placement: where a grain that is not active anywhere this silo knows of goes.</summary>
internal sealed partial class MessageRouter
{
    private void RouteToOwner(GrainRequest request)
    {
        var owner = _directory.OwnerOf(request.TargetId);
        var self = _silo.SiloAddress;
        if (owner is null)
        {
            if (_catalog.IsStopping)
            {
                Fail(request, new SiloUnavailableException(
                    $"No active silo can take {request} on grain {request.TargetId}: silo {self} is stopping and no other silo is active."));
                return;
            }

            DeliverLocal(request);
            return;
        }

        if (!owner.Equals(self) || _catalog.IsStopping)
        {
            Send(request, owner, MessageFlags.None);
            return;
        }

        // This silo owns the grain's entry: if a live activation elsewhere holds it (placed before a view change),
        // send the call there instead of starting a duplicate that would lose its registration anyway.
        if (_directory.Partition.Lookup(request.TargetId) is { } entry && !entry.SiloAddress.Equals(self) && !_directory.IsDead(entry.SiloAddress))
        {
            Send(request, entry.SiloAddress, MessageFlags.None);
            return;
        }

        DeliverLocal(request);
    }

    private async Task RouteByLookupAsync(GrainRequest request, GrainClassInfo classInfo)
    {
        GrainAddress? address;
        try
        {
            address = await _directory.LookupAsync(request.TargetId, 0, CancellationToken.None);
        }
        catch (Exception exception) when (exception is SwarmException or TimeoutException)
        {
            Fail(request, exception);
            return;
        }

        var self = _silo.SiloAddress;
        if (address is not null)
        {
            if (address.SiloAddress.Equals(self) && !_catalog.IsStopping)
            {
                DeliverLocal(request);
            }
            else
            {
                _locations.Set(request.TargetId, address.SiloAddress);
                Send(request, address.SiloAddress, MessageFlags.None);
            }

            return;
        }

        var placed = Place(classInfo);
        if (placed is null)
        {
            Fail(request, new SiloUnavailableException($"No active silo can take {request} on grain {request.TargetId}."));
        }
        else if (placed.Equals(self))
        {
            DeliverLocal(request);
        }
        else
        {
            Send(request, placed, MessageFlags.Placed);
        }
    }

    /// <summary>Picks a silo for a new activation by the class's placement strategy; null when no silo is active.</summary>
    private SiloAddress? Place(GrainClassInfo classInfo)
    {
        var self = _silo.SiloAddress;
        var silos = _directory.Ring.Silos;
        if (classInfo.Placement is PreferLocalPlacement && !_catalog.IsStopping && (silos.IsEmpty || silos.Contains(self)))
        {
            return self;
        }

        if (silos.IsEmpty)
        {
            return _catalog.IsStopping ? null : self;
        }

        return silos[Random.Shared.Next(silos.Length)];
    }
}
