using TgeSwarm.Grains.Caching;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Caching;

public sealed class LfuReadCacheTests
{
    private readonly LfuReadCache<string, int> _cache = new("lfu", 3, defaultTtl: null, new FakeTimeProvider());

    [Fact]
    public void The_least_frequently_used_entry_is_evicted_first()
    {
        _cache.Set("a", 1);
        _cache.Set("b", 2);
        _cache.Set("c", 3);
        _cache.TryGet("a", out _);
        _cache.TryGet("a", out _);
        _cache.TryGet("b", out _);

        _cache.Set("d", 4);

        Assert.False(_cache.TryGet("c", out _));
        Assert.Equal(3, _cache.FrequencyOf("a"));
        Assert.Equal(2, _cache.FrequencyOf("b"));
        Assert.Equal(1, _cache.FrequencyOf("d"));
        Assert.Equal(["d", "b", "a"], _cache.KeysByEvictionOrder());
    }

    [Fact]
    public void Among_equally_frequent_entries_the_least_recently_used_goes()
    {
        _cache.Set("x", 1);
        _cache.Set("y", 2);
        _cache.Set("z", 3);

        _cache.Set("w", 4);
        Assert.Equal(["y", "z", "w"], _cache.KeysByEvictionOrder());

        _cache.TryGet("y", out _);
        _cache.Set("v", 5);

        Assert.Equal(["w", "v", "y"], _cache.KeysByEvictionOrder());
        Assert.Equal(2, _cache.Statistics.Evictions);
    }

    [Fact]
    public void A_newcomer_is_not_its_own_victim()
    {
        _cache.Set("a", 1);
        _cache.Set("b", 2);
        _cache.Set("c", 3);
        foreach (var key in new[] { "a", "b", "c" })
        {
            _cache.TryGet(key, out _);
        }

        // d evicts a, the oldest use at count 2; e then evicts d, alone at count 1, rather than itself.
        _cache.Set("d", 4);
        _cache.Set("e", 5);

        Assert.Equal(["e", "b", "c"], _cache.KeysByEvictionOrder());
    }

    [Fact]
    public void Replacing_a_value_counts_as_a_use_and_removal_forgets_the_count()
    {
        _cache.Set("a", 1);
        _cache.Set("a", 2);
        Assert.Equal(2, _cache.FrequencyOf("a"));

        _cache.Remove("a");
        _cache.Set("a", 3);

        Assert.Equal(1, _cache.FrequencyOf("a"));
    }
}
