using TgeSwarm.Grains.Caching;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Caching;

internal static class TestCaches
{
    public static IReadCache<string, int> Create(ReadCachePolicy policy, int capacity, TimeSpan? defaultTtl = null, TimeProvider? time = null) =>
        ReadCacheFactory.Create<string, int>(
            "test",
            new ReadCacheOptions { Policy = policy, Capacity = capacity, DefaultTtl = defaultTtl },
            time ?? new FakeTimeProvider(),
            instruments: null);

    public static TheoryData<ReadCachePolicy> Policies => [ReadCachePolicy.Lru, ReadCachePolicy.Lfu, ReadCachePolicy.Arc];
}
