using System.Diagnostics.CodeAnalysis;

namespace TgeSwarm.Grains.Caching;

/// <summary>
/// Least frequently used, in O(1) per operation (Shah, Mitra and Matani's scheme): entries hang in buckets of equal
/// use count, the buckets in a list by ascending count. A use moves an entry to the bucket of count + 1 (the next
/// bucket or a new one right after); the victim is the least recently used entry of the first bucket, so ties on
/// frequency go to recency. New entries start at count 1, and a bucket that empties is unlinked.
/// <para>
/// Pure LFU never forgets: an entry used a lot long ago outlives newer ones. Here expiry bounds that (an expired entry
/// is removed with its count), which is why LFU suits keys whose popularity is stable.
/// </para>
/// </summary>
internal sealed partial class LfuReadCache<TKey, TValue> : ReadCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, Entry> _map;
    private Bucket? _lowest;

    public LfuReadCache(string name, int capacity, TimeSpan? defaultTtl, TimeProvider time, ReadCacheInstruments? instruments = null, IEqualityComparer<TKey>? comparer = null)
        : base(name, ReadCachePolicy.Lfu, capacity, defaultTtl, time, instruments)
    {
        _map = new Dictionary<TKey, Entry>(comparer);
    }

    protected override int CountLocked => _map.Count;

    /// <summary>The use count of <paramref name="key"/> (0 when absent), for tests; not a use.</summary>
    internal long FrequencyOf(TKey key) => Inspect(() => _map.TryGetValue(key, out var entry) ? entry.Bucket!.Frequency : 0);

    /// <summary>Keys in eviction order (next victim first), for tests; not a use.</summary>
    internal IReadOnlyList<TKey> KeysByEvictionOrder() => Inspect(() =>
    {
        var keys = new List<TKey>(_map.Count);
        for (var bucket = _lowest; bucket is not null; bucket = bucket.Next)
        {
            for (var entry = bucket.Oldest; entry is not null; entry = entry.Newer)
            {
                keys.Add(entry.Key);
            }
        }

        return keys;
    });

    protected override bool TryGetLocked(TKey key, long now, [MaybeNullWhen(false)] out TValue value, out bool expired)
    {
        value = default;
        expired = false;
        if (!_map.TryGetValue(key, out var entry))
        {
            return false;
        }

        if (IsExpired(entry.ExpiresAt, now))
        {
            Delete(entry);
            expired = true;
            return false;
        }

        Promote(entry);
        value = entry.Value;
        return true;
    }

    protected override int SetLocked(TKey key, TValue value, long expiresAt)
    {
        if (_map.TryGetValue(key, out var entry))
        {
            entry.Value = value;
            entry.ExpiresAt = expiresAt;
            Promote(entry);
            return 0;
        }

        // Evict before inserting: afterwards the newcomer, alone at count 1, would be its own victim.
        var evicted = 0;
        if (_map.Count >= Capacity)
        {
            Delete(_lowest!.Oldest!);
            evicted = 1;
        }

        entry = new Entry(key, value, expiresAt);
        var first = _lowest;
        if (first is null || first.Frequency != 1)
        {
            first = new Bucket(1) { Next = _lowest };
            if (_lowest is not null)
            {
                _lowest.Previous = first;
            }

            _lowest = first;
        }

        first.AddNewest(entry);
        _map.Add(key, entry);
        return evicted;
    }

    protected override void RemoveLocked(TKey key)
    {
        if (_map.TryGetValue(key, out var entry))
        {
            Delete(entry);
        }
    }

    private void Promote(Entry entry)
    {
        var bucket = entry.Bucket!;
        var next = bucket.Next;
        if (next is null || next.Frequency != bucket.Frequency + 1)
        {
            next = new Bucket(bucket.Frequency + 1) { Previous = bucket, Next = bucket.Next };
            if (bucket.Next is not null)
            {
                bucket.Next.Previous = next;
            }

            bucket.Next = next;
        }

        bucket.Remove(entry);
        next.AddNewest(entry);
        if (bucket.IsEmpty)
        {
            Unlink(bucket);
        }
    }

    private void Delete(Entry entry)
    {
        var bucket = entry.Bucket!;
        bucket.Remove(entry);
        if (bucket.IsEmpty)
        {
            Unlink(bucket);
        }

        _map.Remove(entry.Key);
    }

    private void Unlink(Bucket bucket)
    {
        if (bucket.Previous is null)
        {
            _lowest = bucket.Next;
        }
        else
        {
            bucket.Previous.Next = bucket.Next;
        }

        if (bucket.Next is not null)
        {
            bucket.Next.Previous = bucket.Previous;
        }

        bucket.Previous = null;
        bucket.Next = null;
    }
}
