using TgeSwarm.Runtime.Configuration;

namespace TgeSwarm.Runtime.Membership;

/// <summary>
/// Chooses which silos this silo probes: the active ones after it on a ring ordered by a stable hash of the silo
/// address, up to <c>NumProbedSilos</c>. Every silo computes the same ring, so each silo is watched by its
/// predecessors and the probing load spreads evenly instead of everyone probing the lowest addresses.
/// </summary>
internal static class ProbeTargets
{
    /// <summary>
    /// Active rows other than <paramref name="self"/>. Stale rows are included on purpose: a silo that died after its
    /// IAmAlive went stale must still be probed, or nobody would ever declare it dead.
    /// </summary>
    public static List<SiloAddress> Select(SiloAddress self, MembershipTableData table, ClusterMembershipOptions options)
    {
        List<(uint Hash, SiloAddress Silo)> ring = [];
        foreach (var row in table.Members)
        {
            var silo = row.Entry.SiloAddress;
            if (row.Entry.Status == SiloStatus.Active && !silo.Equals(self))
            {
                ring.Add((StableHash(silo), silo));
            }
        }

        ring.Sort(static (a, b) => a.Hash != b.Hash ? a.Hash.CompareTo(b.Hash) : a.Silo.CompareTo(b.Silo));
        var selfHash = StableHash(self);
        var start = 0;
        while (start < ring.Count && (ring[start].Hash < selfHash || (ring[start].Hash == selfHash && ring[start].Silo.CompareTo(self) < 0)))
        {
            start++;
        }

        var count = Math.Min(options.NumProbedSilos, ring.Count);
        List<SiloAddress> targets = new(count);
        for (var i = 0; i < count; i++)
        {
            targets.Add(ring[(start + i) % ring.Count].Silo);
        }

        return targets;
    }

    /// <summary>FNV-1a over the address text: the same in every process (unlike <see cref="SiloAddress.GetHashCode"/>).</summary>
    public static uint StableHash(SiloAddress silo)
    {
        const uint OffsetBasis = 2166136261;
        const uint Prime = 16777619;
        var hash = OffsetBasis;
        foreach (var c in silo.ToString())
        {
            hash = (hash ^ c) * Prime;
        }

        return hash;
    }
}
