using TgeSwarm.Grains.Caching;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Caching;

public sealed class LruReadCacheTests
{
    private readonly LruReadCache<string, int> _cache = new("lru", 3, defaultTtl: null, new FakeTimeProvider());

    [Fact]
    public void The_least_recently_used_entry_is_evicted_first()
    {
        _cache.Set("a", 1);
        _cache.Set("b", 2);
        _cache.Set("c", 3);
        Assert.True(_cache.TryGet("a", out _));

        _cache.Set("d", 4);

        Assert.Equal(["d", "a", "c"], _cache.KeysByRecency());
        Assert.False(_cache.TryGet("b", out _));

        _cache.Set("e", 5);

        Assert.Equal(["e", "d", "a"], _cache.KeysByRecency());
        Assert.Equal(2, _cache.Statistics.Evictions);
    }

    [Fact]
    public void Replacing_a_value_counts_as_a_use()
    {
        _cache.Set("a", 1);
        _cache.Set("b", 2);
        _cache.Set("c", 3);

        _cache.Set("a", 10);
        _cache.Set("d", 4);

        Assert.Equal(["d", "a", "c"], _cache.KeysByRecency());
        Assert.True(_cache.TryGet("a", out var value));
        Assert.Equal(10, value);
    }

    [Fact]
    public void A_removed_entry_frees_its_slot()
    {
        _cache.Set("a", 1);
        _cache.Set("b", 2);
        _cache.Set("c", 3);

        _cache.Remove("b");
        _cache.Remove("missing");
        _cache.Set("d", 4);

        Assert.Equal(["d", "c", "a"], _cache.KeysByRecency());
        Assert.Equal(0, _cache.Statistics.Evictions);
    }
}
