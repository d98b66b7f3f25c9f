namespace TgeSwarm.Grains.Caching;

/// <summary>Which entry a full read cache gives up for a new one (CACHING.md: when to pick which).</summary>
public enum ReadCachePolicy
{
    /// <summary>Least recently used.</summary>
    Lru,

    /// <summary>Least frequently used; among equals, the least recently used.</summary>
    Lfu,

    /// <summary>Adaptive replacement cache (Megiddo and Modha): balances recency and frequency by itself, resists scans.</summary>
    Arc,
}
