using TgeSwarm.Grains.Caching;

namespace TgeSwarm.Silo.Api.Market;

/// <summary>One of this silo's read caches in front of the cache grains, with its counters since start.</summary>
internal sealed record ReadCacheInfo(
    string Name,
    ReadCachePolicy Policy,
    int Capacity,
    int Count,
    long Hits,
    long Misses,
    double HitRate,
    long Evictions,
    long Expirations);
