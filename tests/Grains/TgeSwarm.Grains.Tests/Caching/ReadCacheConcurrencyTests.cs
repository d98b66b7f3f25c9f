using TgeSwarm.Grains.Caching;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Caching;

public sealed class ReadCacheConcurrencyTests
{
    [Theory]
    [MemberData(nameof(TestCaches.Policies), MemberType = typeof(TestCaches))]
    public async Task Parallel_readers_and_writers_keep_the_cache_bounded_and_consistent(ReadCachePolicy policy)
    {
        const int capacity = 64;
        const int workers = 4;
        const int operations = 20_000;
        var time = new FakeTimeProvider();
        var cache = TestCaches.Create(policy, capacity, TimeSpan.FromSeconds(1), time);
        var reads = 0L;
        var overCapacity = 0L;

        var tasks = new Task[workers + 1];
        for (var w = 0; w < workers; w++)
        {
            var seed = w;
            tasks[w] = Task.Run(() =>
            {
                var random = new Random(seed);
                for (var i = 0; i < operations; i++)
                {
                    var key = $"k{random.Next(256)}";
                    switch (random.Next(10))
                    {
                        case < 6:
                            Interlocked.Increment(ref reads);
                            if (cache.TryGet(key, out var value) && value != KeyValue(key))
                            {
                                throw new InvalidOperationException($"{key} returned {value}");
                            }

                            break;
                        case < 9:
                            cache.Set(key, KeyValue(key));
                            break;
                        default:
                            cache.Remove(key);
                            break;
                    }

                    if (cache.Count > capacity)
                    {
                        Interlocked.Increment(ref overCapacity);
                    }
                }
            });
        }

        // Expiry races the readers and writers too.
        tasks[workers] = Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                time.Advance(TimeSpan.FromMilliseconds(50));
                _ = cache.Statistics;
            }
        });

        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(60));

        var statistics = cache.Statistics;
        Assert.Equal(0, Interlocked.Read(ref overCapacity));
        Assert.Equal(Interlocked.Read(ref reads), statistics.Hits + statistics.Misses);
        Assert.InRange(statistics.Count, 0, capacity);
    }

    private static int KeyValue(string key) => key.Length * 1000 + key[^1];
}
