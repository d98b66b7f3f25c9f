using System.Collections.Concurrent;

namespace TgeSwarm.Runtime.Directory;

/// <summary>
/// Where this silo last found each remote grain, so a steady stream of calls skips the directory. Bounded: past
/// <see cref="MaxEntries"/> it starts over rather than grow (a miss only costs a lookup). Entries of a silo that left
/// are dropped when membership says so; a stale entry is corrected by the silo that receives the misrouted call.
/// </summary>
internal sealed class GrainLocationCache
{
    public const int MaxEntries = 200_000;

    private readonly ConcurrentDictionary<GrainId, SiloAddress> _locations = new();

    public int Count => _locations.Count;

    public bool TryGet(GrainId grainId, out SiloAddress silo) => _locations.TryGetValue(grainId, out silo!);

    public void Set(GrainId grainId, SiloAddress silo)
    {
        if (_locations.TryGetValue(grainId, out var known))
        {
            if (!ReferenceEquals(known, silo) && !known.Equals(silo))
            {
                _locations[grainId] = silo;
            }

            return;
        }

        // Count takes every lock of the map, so it is only asked when the map grows.
        if (_locations.Count >= MaxEntries)
        {
            _locations.Clear();
        }

        _locations[grainId] = silo;
    }

    public void Invalidate(GrainId grainId) => _locations.TryRemove(grainId, out _);

    public void Invalidate(GrainId grainId, SiloAddress silo) =>
        _locations.TryRemove(new KeyValuePair<GrainId, SiloAddress>(grainId, silo));

    public void RemoveSilo(SiloAddress silo)
    {
        foreach (var (grainId, location) in _locations)
        {
            if (location.Equals(silo))
            {
                _locations.TryRemove(new KeyValuePair<GrainId, SiloAddress>(grainId, location));
            }
        }
    }
}
