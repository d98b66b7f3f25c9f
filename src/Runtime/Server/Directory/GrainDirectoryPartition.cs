using System.Collections.Concurrent;

namespace TgeSwarm.Runtime.Directory;

/// <summary>
/// The part of the grain directory this silo owns: grain → the one activation that won its registration. The
/// first registration of a grain wins; a later one gets the winner back and must not run. An entry whose silo is
/// dead no longer wins, so a grain of a dead silo is registered afresh on its next activation.
/// </summary>
internal sealed class GrainDirectoryPartition
{
    private readonly ConcurrentDictionary<GrainId, GrainAddress> _entries = new();

    public int Count => _entries.Count;

    /// <summary>Registers <paramref name="address"/> unless a live activation holds the grain; returns the winner.</summary>
    public GrainAddress Register(GrainAddress address, Func<SiloAddress, bool> isDead)
    {
        while (true)
        {
            if (_entries.TryAdd(address.GrainId, address))
            {
                return address;
            }

            if (!_entries.TryGetValue(address.GrainId, out var existing))
            {
                continue;
            }

            if (existing.Equals(address) || !isDead(existing.SiloAddress))
            {
                return existing;
            }

            if (_entries.TryUpdate(address.GrainId, address, existing))
            {
                return address;
            }
        }
    }

    /// <summary>Removes the entry if it is still <paramref name="address"/> (a newer activation's entry stays).</summary>
    public bool Unregister(GrainAddress address) =>
        _entries.TryRemove(new KeyValuePair<GrainId, GrainAddress>(address.GrainId, address));

    public GrainAddress? Lookup(GrainId grainId) => _entries.TryGetValue(grainId, out var address) ? address : null;

    /// <summary>Removes every entry matching <paramref name="predicate"/> (dead silos, grains this silo no longer owns).</summary>
    public int RemoveWhere(Func<GrainAddress, bool> predicate)
    {
        var removed = 0;
        foreach (var (_, address) in _entries)
        {
            if (predicate(address) && Unregister(address))
            {
                removed++;
            }
        }

        return removed;
    }
}
