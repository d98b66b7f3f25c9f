namespace TgeSwarm.Grains.Caching;

/// <summary>A cached value with its key (to unmap it when its list node is evicted) and its expiry timestamp.</summary>
internal readonly record struct CacheEntry<TKey, TValue>(TKey Key, TValue Value, long ExpiresAt);
