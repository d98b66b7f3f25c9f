namespace TgeSwarm.Grains.Caching;

/// <summary>Names a metrics exporter needs to pick up the read caches' instruments.</summary>
public static class ReadCacheDiagnostics
{
    /// <summary>
    /// The meter of the read caches: counters <c>swarm.read_cache.hits</c>, <c>.misses</c>, <c>.evictions</c> and the
    /// gauge <c>swarm.read_cache.entries</c>, each tagged <c>cache</c> (name) and <c>policy</c> (lru, lfu, arc).
    /// </summary>
    public const string MeterName = "TgeSwarm.Grains.Caching";
}
