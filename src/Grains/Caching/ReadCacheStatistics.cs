namespace TgeSwarm.Grains.Caching;

/// <summary>A read cache's counters at one moment.</summary>
/// <param name="Evictions">Entries dropped to make room (not expired or removed ones).</param>
/// <param name="Expirations">Entries found expired on a read (each also counted as a miss).</param>
public sealed record ReadCacheStatistics(long Hits, long Misses, long Evictions, long Expirations, int Count, int Capacity)
{
    /// <summary>Hits over reads; 0 before the first read.</summary>
    public double HitRate => Hits + Misses == 0 ? 0 : (double)Hits / (Hits + Misses);
}
