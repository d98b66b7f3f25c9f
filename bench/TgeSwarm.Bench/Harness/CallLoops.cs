using System.Diagnostics;

namespace TgeSwarm.Bench.Harness;

/// <summary>Drives a <c>value → value + 1</c> call: one caller timing every call, or N callers each keeping one call in flight.</summary>
internal static class CallLoops
{
    public static Task<Latency> SequentialAsync(Func<int, Task<int>> call, int calls) =>
        Task.Run(async () =>
        {
            var latency = new Latency(calls);
            for (var i = 0; i < calls; i++)
            {
                var start = Stopwatch.GetTimestamp();
                var result = await call(i);
                latency.Add(Stopwatch.GetTimestamp() - start);
                Check(i, result);
            }

            return latency;
        });

    /// <summary>Calls per second of <paramref name="concurrency"/> loops until <paramref name="duration"/> is up.</summary>
    public static async Task<double> ThroughputAsync(Func<int, Task<int>> call, int concurrency, TimeSpan duration)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        var loops = Enumerable.Range(0, concurrency).Select(c => Task.Run(async () =>
        {
            long calls = 0;
            var value = c * 1_000_000;
            while (Stopwatch.GetTimestamp() < stopAt && calls < 100_000_000)
            {
                Check(value, await call(value));
                value++;
                calls++;
            }

            return calls;
        })).ToArray();
        var counts = await Task.WhenAll(loops);
        return counts.Sum() / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static void Check(int value, int result)
    {
        if (result != value + 1)
        {
            throw new InvalidOperationException($"Wrong answer {result} for {value}.");
        }
    }
}
