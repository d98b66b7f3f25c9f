using System.Diagnostics;
using TgeSwarm.Bench.Grains;
using TgeSwarm.Bench.Harness;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Bench.Benchmarks;

/// <summary>
/// Figure 3: fresh activations per second. Each first call to a new key registers an activation, constructs the
/// grain with a <c>[PersistentState]</c> on memory storage, reads that state (no record yet), runs
/// <c>OnActivateAsync</c> and then the call. The baseline does the bookkeeping a minimal actor host cannot avoid:
/// construct the state and the actor object and insert it into a dictionary.
/// </summary>
internal static class ActivationBenchmark
{
    private const int Callers = 64;

    public static async Task RunAsync(BenchOptions options)
    {
        var cluster = await MemoryCluster.StartAsync();
        try
        {
            var client = cluster.Client;
            var count = options.Pick(2_000, 100_000);

            // Warm-up on keys that the measured run never uses.
            await ActivateAsync(client, 1_000_000_000, options.Pick(1_000, 10_000));
            var (perSecond, bytesPer) = await ActivateAsync(client, 0, count);

            Baseline(1_000_000_000, count);
            var (basePerSecond, baseBytesPer) = Baseline(0, count);

            Report.Figure("activations.per_s", perSecond, "activations/s");
            Report.Figure("activations.baseline_dictionary.per_s", basePerSecond, "activations/s");
            Report.Ratio("activations.ratio_to_baseline", perSecond, basePerSecond);
            Report.Figure("activations.alloc_bytes_per_activation", bytesPer, "bytes");
            Report.Figure("activations.baseline_dictionary.alloc_bytes_per_activation", baseBytesPer, "bytes");

            if (options.AllocProfile)
            {
                using var profiler = new AllocationProfiler();
                profiler.Start();
                await ActivateAsync(client, 2_000_000_000, count);
                profiler.Stop();
                profiler.Print("activations");
            }
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    private static async Task<(double PerSecond, double BytesPerActivation)> ActivateAsync(IClusterClient client, long firstKey, int count)
    {
        var next = -1L;
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        var callers = new Task[Callers];
        for (var c = 0; c < Callers; c++)
        {
            callers[c] = Task.Run(async () =>
            {
                long index;
                while ((index = Interlocked.Increment(ref next)) < count)
                {
                    var value = await client.GetGrain<IStatefulGrain>(firstKey + index).GetAsync();
                    if (value != 0)
                    {
                        throw new InvalidOperationException($"Grain {firstKey + index} was not fresh.");
                    }
                }
            });
        }

        await Task.WhenAll(callers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
        return (count / elapsed.TotalSeconds, (double)bytes / count);
    }

    private static (double PerSecond, double BytesPerActivation) Baseline(long firstKey, int count)
    {
        var table = new Dictionary<long, PlainActivation>();
        var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var key = firstKey + i;
            table.Add(key, new PlainActivation(key, new CounterState()));
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        GC.KeepAlive(table);
        return (count / elapsed.TotalSeconds, (double)bytes / count);
    }

    private sealed class PlainActivation(long key, CounterState state)
    {
        public long Key { get; } = key;

        public CounterState State { get; } = state;
    }
}
