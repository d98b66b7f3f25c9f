using TgeSwarm.Grains.Caching;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Caching;

public sealed class ArcReadCacheTests
{
    [Fact]
    public void A_second_use_moves_an_entry_from_the_recent_to_the_frequent_list()
    {
        var cache = new ArcReadCache<string, int>("arc", 4, defaultTtl: null, new FakeTimeProvider());
        cache.Set("a", 1);
        cache.Set("b", 2);

        Assert.True(cache.TryGet("a", out _));

        var lists = cache.Lists();
        Assert.Equal(["b"], lists.T1);
        Assert.Equal(["a"], lists.T2);
    }

    [Fact]
    public void Ghost_hits_adapt_the_target_size_of_the_recent_list()
    {
        var cache = new ArcReadCache<string, int>("arc", 4, defaultTtl: null, new FakeTimeProvider());
        cache.Set("a", 1);
        cache.Set("b", 2);
        cache.TryGet("a", out _);
        cache.TryGet("b", out _);
        cache.Set("c", 3);
        cache.Set("d", 4);

        // Full: T1 = d c, T2 = b a. With p = 0 each newcomer pushes T1's oldest into the ghost list B1.
        cache.Set("e", 5);
        cache.Set("f", 6);
        AssertLists(cache, ["f", "e"], ["b", "a"], ["d", "c"], []);
        Assert.Equal(0, cache.TargetRecentSize);

        // c comes back while remembered in B1: T1 was too small, p grows by max(|B2| / |B1|, 1) = 1.
        cache.Set("c", 3);
        Assert.Equal(1, cache.TargetRecentSize);
        AssertLists(cache, ["f"], ["c", "b", "a"], ["e", "d"], []);

        // |T1| = p now, so the next newcomer takes its room from T2: a becomes a ghost in B2.
        cache.Set("g", 7);
        AssertLists(cache, ["g", "f"], ["c", "b"], ["e", "d"], ["a"]);

        // a comes back from B2: T2 was too small, p shrinks by max(|B1| / |B2|, 1) = 2, floored at 0.
        cache.Set("a", 1);
        Assert.Equal(0, cache.TargetRecentSize);
        AssertLists(cache, ["g"], ["a", "c", "b"], ["f", "e", "d"], []);
        Assert.Equal(4, cache.Count);
    }

    [Fact]
    public void A_one_time_scan_does_not_evict_a_frequently_used_working_set()
    {
        string[] workingSet = ["w0", "w1", "w2", "w3", "w4"];
        var arc = new ArcReadCache<string, int>("arc", 10, defaultTtl: null, new FakeTimeProvider());
        var lru = new LruReadCache<string, int>("lru", 10, defaultTtl: null, new FakeTimeProvider());
        foreach (IReadCache<string, int> cache in new IReadCache<string, int>[] { arc, lru })
        {
            for (var round = 0; round < 3; round++)
            {
                foreach (var key in workingSet)
                {
                    ReadThrough(cache, key);
                }
            }

            for (var i = 0; i < 1000; i++)
            {
                ReadThrough(cache, $"scan{i}");
            }
        }

        Assert.All(workingSet, key => Assert.True(arc.TryGet(key, out _), $"ARC lost {key} to the scan"));

        // The contrast that makes the test meaningful: plain LRU loses the whole working set.
        Assert.All(workingSet, key => Assert.False(lru.TryGet(key, out _)));
    }

    [Fact]
    public void Removed_and_expired_entries_leave_no_ghost_and_the_cache_refills_without_evicting()
    {
        var time = new FakeTimeProvider();
        var cache = new ArcReadCache<string, int>("arc", 2, defaultTtl: TimeSpan.FromSeconds(1), time);
        cache.Set("a", 1);
        cache.Set("b", 2);

        cache.Remove("a");
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(cache.TryGet("b", out _));

        AssertLists(cache, [], [], [], []);
        cache.Set("c", 3);
        cache.Set("d", 4);
        Assert.Equal(0, cache.Statistics.Evictions);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void Resident_entries_never_exceed_capacity_and_ghosts_never_exceed_it_twice_over()
    {
        var cache = new ArcReadCache<string, int>("arc", 8, defaultTtl: null, new FakeTimeProvider());
        var random = new Random(11);
        for (var i = 0; i < 20_000; i++)
        {
            var key = $"k{(random.Next(4) == 0 ? random.Next(8) : random.Next(64))}";
            if (!cache.TryGet(key, out _))
            {
                cache.Set(key, i);
            }

            if (random.Next(50) == 0)
            {
                cache.Remove($"k{random.Next(64)}");
            }

            var lists = cache.Lists();
            Assert.True(lists.T1.Count + lists.T2.Count <= 8);
            Assert.True(lists.T1.Count + lists.B1.Count <= 8);
            Assert.True(lists.T1.Count + lists.T2.Count + lists.B1.Count + lists.B2.Count <= 16);
        }
    }

    private static void ReadThrough(IReadCache<string, int> cache, string key)
    {
        if (!cache.TryGet(key, out _))
        {
            cache.Set(key, key.Length);
        }
    }

    private static void AssertLists(ArcReadCache<string, int> cache, string[] t1, string[] t2, string[] b1, string[] b2)
    {
        var lists = cache.Lists();
        Assert.Equal(t1, lists.T1);
        Assert.Equal(t2, lists.T2);
        Assert.Equal(b1, lists.B1);
        Assert.Equal(b2, lists.B2);
    }
}
