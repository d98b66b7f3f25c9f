using System.Diagnostics.CodeAnalysis;

namespace TgeSwarm.Grains.Caching;

/// <summary>
/// What every read cache policy shares: one lock, expiry, counters and metrics. A policy class only keeps its
/// structure (lists, buckets) and decides the victim; every structural method here runs under the lock.
/// <para>
/// Guarantees: at most <see cref="Capacity"/> entries at any time; an entry past its time to live is never returned;
/// every operation is O(1) (hash lookup plus list relinking), whatever the policy. One lock rather than striping:
/// every policy reorders its lists on a hit, so even a read is a write, and the critical sections are a few pointer
/// moves (far shorter than the grain call a miss costs). Metrics are recorded after the lock is released.
/// </para>
/// <para>
/// Expiry is lazy: an expired entry leaves when a read finds it or the policy evicts it, so it may occupy a slot
/// until then (and is counted in <see cref="Count"/>). Time is the injected <see cref="TimeProvider"/>'s timestamp,
/// which is monotonic: a wall-clock step neither revives nor kills entries.
/// </para>
/// </summary>
internal abstract class ReadCache<TKey, TValue> : IReadCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan? _defaultTtl;
    private readonly ReadCacheInstruments? _instruments;
    private readonly KeyValuePair<string, object?> _cacheTag;
    private readonly KeyValuePair<string, object?> _policyTag;
    private long _hits;
    private long _misses;
    private long _evictions;
    private long _expirations;

    protected ReadCache(string name, ReadCachePolicy policy, int capacity, TimeSpan? defaultTtl, TimeProvider time, ReadCacheInstruments? instruments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentNullException.ThrowIfNull(time);
        if (defaultTtl is { } ttl)
        {
            CheckTtl(ttl, nameof(defaultTtl));
        }

        Name = name;
        Policy = policy;
        Capacity = capacity;
        _defaultTtl = defaultTtl;
        _time = time;
        _instruments = instruments;
        var policyName = PolicyName(policy);
        _cacheTag = new KeyValuePair<string, object?>("cache", name);
        _policyTag = new KeyValuePair<string, object?>("policy", policyName);
        instruments?.Track(name, policyName, () => Count);
    }

    public string Name { get; }

    public ReadCachePolicy Policy { get; }

    public int Capacity { get; }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return CountLocked;
            }
        }
    }

    public ReadCacheStatistics Statistics
    {
        get
        {
            lock (_lock)
            {
                return new ReadCacheStatistics(_hits, _misses, _evictions, _expirations, CountLocked, Capacity);
            }
        }
    }

    /// <summary>Runs <paramref name="read"/> under the lock: for policies' test views of their structure.</summary>
    protected TResult Inspect<TResult>(Func<TResult> read)
    {
        lock (_lock)
        {
            return read();
        }
    }

    /// <summary>Entries held; called under the lock.</summary>
    protected abstract int CountLocked { get; }

    public bool TryGet(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = _time.GetTimestamp();
        bool found;
        lock (_lock)
        {
            found = TryGetLocked(key, now, out value, out var expired);
            if (found)
            {
                _hits++;
            }
            else
            {
                _misses++;
                if (expired)
                {
                    _expirations++;
                }
            }
        }

        if (found)
        {
            _instruments?.Hit(_cacheTag, _policyTag);
        }
        else
        {
            _instruments?.Miss(_cacheTag, _policyTag);
        }

        return found;
    }

    public void Set(TKey key, TValue value, TimeSpan? ttl = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (ttl is { } given)
        {
            CheckTtl(given, nameof(ttl));
        }

        var expiresAt = ExpiryOf(ttl ?? _defaultTtl);
        int evicted;
        lock (_lock)
        {
            evicted = SetLocked(key, value, expiresAt);
            _evictions += evicted;
        }

        if (evicted > 0)
        {
            _instruments?.Evicted(evicted, _cacheTag, _policyTag);
        }
    }

    public void Remove(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_lock)
        {
            RemoveLocked(key);
        }
    }

    /// <summary>
    /// Looks <paramref name="key"/> up; on a hit, records the use for the policy. An entry expired at
    /// <paramref name="now"/> is removed and reported with <paramref name="expired"/>.
    /// </summary>
    protected abstract bool TryGetLocked(TKey key, long now, [MaybeNullWhen(false)] out TValue value, out bool expired);

    /// <summary>Adds or replaces an entry; returns how many entries were evicted for it.</summary>
    protected abstract int SetLocked(TKey key, TValue value, long expiresAt);

    protected abstract void RemoveLocked(TKey key);

    protected static bool IsExpired(long expiresAt, long now) => now >= expiresAt;

    private long ExpiryOf(TimeSpan? ttl)
    {
        if (ttl is not { } span || span == Timeout.InfiniteTimeSpan)
        {
            return long.MaxValue;
        }

        var now = _time.GetTimestamp();
        var units = span.TotalSeconds * _time.TimestampFrequency;
        return units >= long.MaxValue - now ? long.MaxValue : now + (long)units;
    }

    private static void CheckTtl(TimeSpan ttl, string parameter)
    {
        if (ttl <= TimeSpan.Zero && ttl != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(parameter, ttl, "A time to live must be positive, or Timeout.InfiniteTimeSpan for none.");
        }
    }

    private static string PolicyName(ReadCachePolicy policy) => policy switch
    {
        ReadCachePolicy.Lru => "lru",
        ReadCachePolicy.Lfu => "lfu",
        ReadCachePolicy.Arc => "arc",
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown read cache policy."),
    };
}
