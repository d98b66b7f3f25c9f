using System.Diagnostics.CodeAnalysis;

namespace TgeSwarm.Grains.Caching;

/// <summary>
/// Adaptive replacement cache (N. Megiddo and D. S. Modha, "ARC: A Self-Tuning, Low Overhead Replacement Cache",
/// FAST 2003). Resident entries sit in T1 (seen once recently) or T2 (seen at least twice); the ghost lists B1 and
/// B2 remember only the keys recently evicted from each, up to 2 × capacity keys in all. The target size p of T1
/// moves by itself: a request for a key in B1 means T1 was too small, so p grows (by |B2|/|B1|, at least 1); a key in
/// B2 means T2 was, so p shrinks. Eviction takes T1's least recently used entry while T1 is above p, else T2's.
/// A scan of keys seen once only churns T1 and cannot push the twice-used working set out of T2.
/// <para>
/// Mapping to a read-through cache: a request is the <c>Set</c> that follows a miss, so the ghost cases (and the
/// adaptation) happen in <see cref="SetLocked"/>; a hit in <see cref="TryGetLocked"/> is the paper's case I. Two
/// departures, both because entries can leave without being evicted (expiry, <c>Remove</c>): such an entry is dropped
/// without leaving a ghost (its key was not a capacity casualty, so it must not move p), and the paper's REPLACE runs
/// only when the resident lists are full, since removals break its invariant that they always are once the
/// directory holds capacity keys.
/// </para>
/// </summary>
internal sealed class ArcReadCache<TKey, TValue> : ReadCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<CacheEntry<TKey, TValue>>> _map;

    // Most recently used first in each list.
    private readonly LinkedList<CacheEntry<TKey, TValue>> _t1 = new();
    private readonly LinkedList<CacheEntry<TKey, TValue>> _t2 = new();
    private readonly LinkedList<CacheEntry<TKey, TValue>> _b1 = new();
    private readonly LinkedList<CacheEntry<TKey, TValue>> _b2 = new();
    private double _p;

    public ArcReadCache(string name, int capacity, TimeSpan? defaultTtl, TimeProvider time, ReadCacheInstruments? instruments = null, IEqualityComparer<TKey>? comparer = null)
        : base(name, ReadCachePolicy.Arc, capacity, defaultTtl, time, instruments)
    {
        _map = new Dictionary<TKey, LinkedListNode<CacheEntry<TKey, TValue>>>(comparer);
    }

    protected override int CountLocked => _t1.Count + _t2.Count;

    /// <summary>The current target size of T1 (the paper's p), for tests.</summary>
    internal double TargetRecentSize => Inspect(() => _p);

    /// <summary>The four lists, most recently used first, for tests; not a use.</summary>
    internal ArcLists<TKey> Lists() => Inspect(() => new ArcLists<TKey>(Keys(_t1), Keys(_t2), Keys(_b1), Keys(_b2)));

    protected override bool TryGetLocked(TKey key, long now, [MaybeNullWhen(false)] out TValue value, out bool expired)
    {
        value = default;
        expired = false;
        if (!_map.TryGetValue(key, out var node) || IsGhost(node))
        {
            return false;
        }

        if (IsExpired(node.Value.ExpiresAt, now))
        {
            node.List!.Remove(node);
            _map.Remove(key);
            expired = true;
            return false;
        }

        // Case I: a hit, in T1 or T2, makes the entry frequent.
        node.List!.Remove(node);
        _t2.AddFirst(node);
        value = node.Value.Value;
        return true;
    }

    protected override int SetLocked(TKey key, TValue value, long expiresAt)
    {
        var entry = new CacheEntry<TKey, TValue>(key, value, expiresAt);
        if (_map.TryGetValue(key, out var node))
        {
            var list = node.List!;
            var evicted = 0;
            if (list == _b1)
            {
                // Case II: T1 evicted this key too early; give recency more room.
                _p = Math.Min(Capacity, _p + Math.Max((double)_b2.Count / _b1.Count, 1));
                evicted = ReplaceIfFull(keyInB2: false);
            }
            else if (list == _b2)
            {
                // Case III: T2 evicted this key too early; give frequency more room.
                _p = Math.Max(0, _p - Math.Max((double)_b1.Count / _b2.Count, 1));
                evicted = ReplaceIfFull(keyInB2: true);
            }

            // Cases I to III all end with the key most recently used in T2.
            list.Remove(node);
            node.Value = entry;
            _t2.AddFirst(node);
            return evicted;
        }

        return AddNew(entry);
    }

    protected override void RemoveLocked(TKey key)
    {
        if (_map.Remove(key, out var node))
        {
            node.List!.Remove(node);
        }
    }

    /// <summary>Case IV: a key in no list.</summary>
    private int AddNew(CacheEntry<TKey, TValue> entry)
    {
        var evicted = 0;
        var c = Capacity;
        if (_t1.Count + _b1.Count >= c)
        {
            if (_t1.Count < c)
            {
                DropLast(_b1);
                evicted = ReplaceIfFull(keyInB2: false);
            }
            else
            {
                // T1 alone fills the cache and has no ghosts: its oldest entry goes without a trace.
                DropLast(_t1);
                evicted = 1;
            }
        }
        else if (_t1.Count + _t2.Count + _b1.Count + _b2.Count >= c)
        {
            if (_t1.Count + _t2.Count + _b1.Count + _b2.Count >= 2 * c)
            {
                DropLast(_b2.Count > 0 ? _b2 : _b1);
            }

            evicted = ReplaceIfFull(keyInB2: false);
        }

        var node = new LinkedListNode<CacheEntry<TKey, TValue>>(entry);
        _t1.AddFirst(node);
        _map.Add(entry.Key, node);
        return evicted;
    }

    /// <summary>The paper's REPLACE, when the resident lists are full: demotes one entry to its ghost list.</summary>
    private int ReplaceIfFull(bool keyInB2)
    {
        if (_t1.Count + _t2.Count < Capacity)
        {
            return 0;
        }

        // p is fractional (the paper's steps are ratios), so its "|T1| = p" for a key from B2 reads as "|T1| ≥ p".
        var fromT1 = _t2.Count == 0 || (_t1.Count > 0 && (_t1.Count > _p || (keyInB2 && _t1.Count >= _p)));
        var (from, to) = fromT1 ? (_t1, _b1) : (_t2, _b2);
        var victim = from.Last!;
        from.RemoveLast();

        // The ghost keeps the key only: the value becomes garbage now, not when the ghost is dropped.
        victim.Value = new CacheEntry<TKey, TValue>(victim.Value.Key, default!, 0);
        to.AddFirst(victim);
        return 1;
    }

    private void DropLast(LinkedList<CacheEntry<TKey, TValue>> list)
    {
        var last = list.Last!;
        list.RemoveLast();
        _map.Remove(last.Value.Key);
    }

    private bool IsGhost(LinkedListNode<CacheEntry<TKey, TValue>> node) => node.List == _b1 || node.List == _b2;

    private static List<TKey> Keys(LinkedList<CacheEntry<TKey, TValue>> list)
    {
        var keys = new List<TKey>(list.Count);
        foreach (var entry in list)
        {
            keys.Add(entry.Key);
        }

        return keys;
    }
}
