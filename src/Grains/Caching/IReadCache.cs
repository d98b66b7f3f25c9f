using System.Diagnostics.CodeAnalysis;

namespace TgeSwarm.Grains.Caching;

/// <summary>
/// A bounded, thread-safe cache of reads in one silo, in front of the grains that own the data (the
/// <c>ICacheGrain</c> per instrument): many request threads share one instance. Values are kept as given, so they
/// should be immutable. Created by <see cref="IReadCacheFactory"/>; CACHING.md explains the policies.
/// </summary>
public interface IReadCache<TKey, TValue>
    where TKey : notnull
{
    /// <summary>The name the cache's metrics are tagged with.</summary>
    string Name { get; }

    ReadCachePolicy Policy { get; }

    /// <summary>The most entries the cache holds.</summary>
    int Capacity { get; }

    /// <summary>Entries held now (expired ones not yet noticed included).</summary>
    int Count { get; }

    /// <summary>A hit counts as a use of the entry for the policy; an expired entry is removed and reported as a miss.</summary>
    bool TryGet(TKey key, [MaybeNullWhen(false)] out TValue value);

    /// <summary>
    /// Adds or replaces the entry for <paramref name="key"/>, evicting one by the policy when the cache is full. An
    /// entry expires after <paramref name="ttl"/> (<c>null</c>: the configured default; <see cref="Timeout.InfiniteTimeSpan"/>:
    /// never). Replacing an entry counts as a use of it.
    /// </summary>
    void Set(TKey key, TValue value, TimeSpan? ttl = null);

    void Remove(TKey key);

    /// <summary>A snapshot of the counters since the cache was created.</summary>
    ReadCacheStatistics Statistics { get; }
}
