using TgeSwarm.Grains.Caching;

namespace TgeSwarm.Grains.Tests.Caching;

public sealed class ReadCacheStatisticsTests
{
    [Theory]
    [MemberData(nameof(TestCaches.Policies), MemberType = typeof(TestCaches))]
    public void Hits_misses_evictions_count_and_hit_rate_add_up(ReadCachePolicy policy)
    {
        var cache = TestCaches.Create(policy, 2);
        Assert.Equal(0, cache.Statistics.HitRate);

        cache.TryGet("a", out _);
        cache.Set("a", 1);
        cache.TryGet("a", out _);
        cache.TryGet("a", out _);
        cache.Set("b", 2);
        cache.Set("c", 3);
        cache.Set("d", 4);

        Assert.Equal(new ReadCacheStatistics(Hits: 2, Misses: 1, Evictions: 2, Expirations: 0, Count: 2, Capacity: 2), cache.Statistics);
        Assert.Equal(2.0 / 3, cache.Statistics.HitRate, 12);
        Assert.Equal(policy, cache.Policy);
        Assert.Equal("test", cache.Name);
    }

    [Theory]
    [MemberData(nameof(TestCaches.Policies), MemberType = typeof(TestCaches))]
    public void Count_never_exceeds_capacity(ReadCachePolicy policy)
    {
        var cache = TestCaches.Create(policy, 5);
        for (var i = 0; i < 100; i++)
        {
            cache.Set($"k{i}", i);
            Assert.Equal(Math.Min(i + 1, 5), cache.Count);
        }

        Assert.Equal(95, cache.Statistics.Evictions);
    }
}
