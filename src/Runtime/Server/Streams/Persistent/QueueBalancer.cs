namespace TgeSwarm.Runtime.Streams.Persistent;

/// <summary>
/// Which active silo pulls which queue: rendezvous (highest-random-weight) hashing of (provider, queue, silo). Every
/// silo computes the same answer from the same membership view, queues spread evenly, and a silo joining or leaving
/// moves only the queues it gains or loses.
/// </summary>
internal static class QueueBalancer
{
    public static SiloAddress? OwnerOf(string provider, int queueId, IReadOnlyList<SiloAddress> activeSilos)
    {
        SiloAddress? owner = null;
        var best = 0u;
        var queueHash = StableHash.Combine(StableHash.Of(provider), queueId);
        foreach (var silo in activeSilos)
        {
            var weight = unchecked((uint)StableHash.Combine(queueHash, StableHash.Of(silo.ToString())));
            if (owner is null || weight > best || (weight == best && silo.ToString().CompareTo(owner.ToString()) < 0))
            {
                owner = silo;
                best = weight;
            }
        }

        return owner;
    }
}
