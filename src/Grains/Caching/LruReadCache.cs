using System.Diagnostics.CodeAnalysis;

namespace TgeSwarm.Grains.Caching;

/// <summary>
/// Least recently used: one list in use order (most recent first) and a map from key to list node; a hit moves the
/// node to the front, a full cache drops the last node. An evicted node is reused for the new entry.
/// </summary>
internal sealed class LruReadCache<TKey, TValue> : ReadCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<CacheEntry<TKey, TValue>>> _map;
    private readonly LinkedList<CacheEntry<TKey, TValue>> _order = new();

    public LruReadCache(string name, int capacity, TimeSpan? defaultTtl, TimeProvider time, ReadCacheInstruments? instruments = null, IEqualityComparer<TKey>? comparer = null)
        : base(name, ReadCachePolicy.Lru, capacity, defaultTtl, time, instruments)
    {
        _map = new Dictionary<TKey, LinkedListNode<CacheEntry<TKey, TValue>>>(comparer);
    }

    protected override int CountLocked => _map.Count;

    /// <summary>Keys from most to least recently used, for tests; not a use.</summary>
    internal IReadOnlyList<TKey> KeysByRecency() => Inspect(() =>
    {
        var keys = new List<TKey>(_order.Count);
        foreach (var entry in _order)
        {
            keys.Add(entry.Key);
        }

        return keys;
    });

    protected override bool TryGetLocked(TKey key, long now, [MaybeNullWhen(false)] out TValue value, out bool expired)
    {
        value = default;
        expired = false;
        if (!_map.TryGetValue(key, out var node))
        {
            return false;
        }

        if (IsExpired(node.Value.ExpiresAt, now))
        {
            _map.Remove(key);
            _order.Remove(node);
            expired = true;
            return false;
        }

        MoveToFront(node);
        value = node.Value.Value;
        return true;
    }

    protected override int SetLocked(TKey key, TValue value, long expiresAt)
    {
        var entry = new CacheEntry<TKey, TValue>(key, value, expiresAt);
        if (_map.TryGetValue(key, out var node))
        {
            node.Value = entry;
            MoveToFront(node);
            return 0;
        }

        var evicted = 0;
        if (_map.Count >= Capacity)
        {
            node = _order.Last!;
            _order.RemoveLast();
            _map.Remove(node.Value.Key);
            node.Value = entry;
            evicted = 1;
        }
        else
        {
            node = new LinkedListNode<CacheEntry<TKey, TValue>>(entry);
        }

        _order.AddFirst(node);
        _map.Add(key, node);
        return evicted;
    }

    protected override void RemoveLocked(TKey key)
    {
        if (_map.Remove(key, out var node))
        {
            _order.Remove(node);
        }
    }

    private void MoveToFront(LinkedListNode<CacheEntry<TKey, TValue>> node)
    {
        if (node != _order.First)
        {
            _order.Remove(node);
            _order.AddFirst(node);
        }
    }
}
