using TgeSwarm.Grains.Caching;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Caching;

public sealed class ReadCacheExpiryTests
{
    private readonly FakeTimeProvider _time = new();

    [Theory]
    [MemberData(nameof(TestCaches.Policies), MemberType = typeof(TestCaches))]
    public void An_entry_is_served_until_its_default_time_to_live_and_not_after(ReadCachePolicy policy)
    {
        var cache = TestCaches.Create(policy, 4, TimeSpan.FromSeconds(1), _time);
        cache.Set("a", 1);

        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.True(cache.TryGet("a", out var value));
        Assert.Equal(1, value);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(cache.TryGet("a", out _));

        var statistics = cache.Statistics;
        Assert.Equal(1, statistics.Hits);
        Assert.Equal(1, statistics.Misses);
        Assert.Equal(1, statistics.Expirations);
        Assert.Equal(0, statistics.Evictions);
        Assert.Equal(0, statistics.Count);
    }

    [Theory]
    [MemberData(nameof(TestCaches.Policies), MemberType = typeof(TestCaches))]
    public void A_time_to_live_given_to_Set_overrides_the_default(ReadCachePolicy policy)
    {
        var cache = TestCaches.Create(policy, 4, TimeSpan.FromSeconds(1), _time);
        cache.Set("long", 1, TimeSpan.FromMinutes(1));
        cache.Set("forever", 2, Timeout.InfiniteTimeSpan);
        cache.Set("default", 3);

        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(cache.TryGet("long", out _));
        Assert.False(cache.TryGet("default", out _));

        _time.Advance(TimeSpan.FromDays(365));
        Assert.False(cache.TryGet("long", out _));
        Assert.True(cache.TryGet("forever", out _));
    }

    [Theory]
    [MemberData(nameof(TestCaches.Policies), MemberType = typeof(TestCaches))]
    public void Without_a_default_entries_do_not_expire(ReadCachePolicy policy)
    {
        var cache = TestCaches.Create(policy, 4, defaultTtl: null, _time);
        cache.Set("a", 1);

        _time.Advance(TimeSpan.FromDays(3650));

        Assert.True(cache.TryGet("a", out _));
    }

    [Theory]
    [MemberData(nameof(TestCaches.Policies), MemberType = typeof(TestCaches))]
    public void Setting_an_entry_again_restarts_its_time_to_live(ReadCachePolicy policy)
    {
        var cache = TestCaches.Create(policy, 4, TimeSpan.FromSeconds(1), _time);
        cache.Set("a", 1);
        _time.Advance(TimeSpan.FromMilliseconds(800));

        cache.Set("a", 2);
        _time.Advance(TimeSpan.FromMilliseconds(800));

        Assert.True(cache.TryGet("a", out var value));
        Assert.Equal(2, value);
    }

    [Theory]
    [MemberData(nameof(TestCaches.Policies), MemberType = typeof(TestCaches))]
    public void A_zero_or_negative_time_to_live_is_refused(ReadCachePolicy policy)
    {
        var cache = TestCaches.Create(policy, 4, defaultTtl: null, _time);

        Assert.Throws<ArgumentOutOfRangeException>(() => cache.Set("a", 1, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => cache.Set("a", 1, TimeSpan.FromSeconds(-1)));
        Assert.Equal(0, cache.Count);
    }
}
