using System.Diagnostics;
using TgeSwarm.Bench.Harness;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Bench.Benchmarks;

/// <summary>
/// Figure 1: local grain calls through <see cref="IClusterClient"/> on a one-silo <see cref="TestCluster"/>, beside
/// a channel-and-TaskCompletionSource actor hop doing the same work at the same concurrency.
/// </summary>
internal static class LocalCallBenchmark
{
    private const int Callers = 64;
    private const int GrainKeys = 1000;

    public static async Task RunAsync(BenchOptions options)
    {
        var cluster = await MemoryCluster.StartAsync();
        try
        {
            var grains = new GrainCallTarget(cluster.Client, GrainKeys);
            await using var channels = new ChannelCallTarget(GrainKeys);

            // Activate every grain first: this figure is about calls, not activations.
            for (var key = 0; key < GrainKeys; key++)
            {
                await grains.CallAsync(key, key);
            }

            await ThroughputAsync(grains, options.WarmUp);
            await ThroughputAsync(channels, options.WarmUp);
            // Alternating rounds, best of each: on a shared machine noise only ever takes throughput away.
            var grain = (CallsPerSecond: 0.0, BytesPerCall: 0.0);
            var channel = (CallsPerSecond: 0.0, BytesPerCall: 0.0);
            for (var round = 0; round < options.Pick(1, 3); round++)
            {
                var g = await ThroughputAsync(grains, options.Measure);
                var b = await ThroughputAsync(channels, options.Measure);
                grain = g.CallsPerSecond > grain.CallsPerSecond ? g : grain;
                channel = b.CallsPerSecond > channel.CallsPerSecond ? b : channel;
            }

            Report.Figure("local_call.calls_per_s", grain.CallsPerSecond, "calls/s");
            Report.Figure("local_call.baseline_channel.calls_per_s", channel.CallsPerSecond, "calls/s");
            Report.Ratio("local_call.ratio_to_baseline", grain.CallsPerSecond, channel.CallsPerSecond);
            Report.Figure("local_call.concurrent.alloc_bytes_per_call", grain.BytesPerCall, "bytes");
            Report.Figure("local_call.baseline_channel.concurrent.alloc_bytes_per_call", channel.BytesPerCall, "bytes");

            var sequentialCalls = options.Pick(5_000, 50_000);
            await SequentialAsync(grains, sequentialCalls / 2);
            await SequentialAsync(channels, sequentialCalls / 2);
            var grainSeq = await SequentialAsync(grains, sequentialCalls);
            var channelSeq = await SequentialAsync(channels, sequentialCalls);
            Report.Figure("local_call.seq.p50_us", grainSeq.Latency.PercentileMicros(50), "us");
            Report.Figure("local_call.seq.p99_us", grainSeq.Latency.PercentileMicros(99), "us");
            Report.Figure("local_call.baseline_channel.seq.p50_us", channelSeq.Latency.PercentileMicros(50), "us");
            Report.Figure("local_call.baseline_channel.seq.p99_us", channelSeq.Latency.PercentileMicros(99), "us");
            Report.Ratio("local_call.seq.p50.ratio_to_baseline", grainSeq.Latency.PercentileMicros(50), channelSeq.Latency.PercentileMicros(50));
            Report.Figure("local_call.alloc_bytes_per_call", grainSeq.BytesPerCall, "bytes");
            Report.Figure("local_call.baseline_channel.alloc_bytes_per_call", channelSeq.BytesPerCall, "bytes");
            Report.Ratio("local_call.alloc.ratio_to_baseline", grainSeq.BytesPerCall, channelSeq.BytesPerCall);

            if (options.AllocProfile)
            {
                using var profiler = new AllocationProfiler();
                profiler.Start();
                await ThroughputAsync(grains, options.Measure);
                profiler.Stop();
                profiler.Print("local_call, 64 concurrent callers");
            }
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    /// <summary><see cref="Callers"/> concurrent callers, each looping over its own slice of keys until the time is up.</summary>
    private static async Task<(double CallsPerSecond, double BytesPerCall)> ThroughputAsync(CallTarget target, TimeSpan duration)
    {
        var stop = new StopFlag();
        var maxCallsPerCaller = 50_000_000; // a bound, never reached in practice
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        var callers = new Task<long>[Callers];
        for (var c = 0; c < Callers; c++)
        {
            var first = c * (target.Keys / Callers);
            callers[c] = Task.Run(() => CallerAsync(target, first, stop, maxCallsPerCaller));
        }

        await Task.Delay(duration);
        stop.Set();
        var counts = await Task.WhenAll(callers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
        var calls = counts.Sum();
        return (calls / elapsed.TotalSeconds, (double)bytes / calls);
    }

    private static async Task<long> CallerAsync(CallTarget target, int firstKey, StopFlag stop, long maxCalls)
    {
        var keys = target.Keys;
        var key = firstKey;
        long calls = 0;
        while (calls < maxCalls && !stop.IsSet)
        {
            var result = await target.CallAsync(key, (int)calls);
            if (result != (int)calls + 1)
            {
                throw new InvalidOperationException($"Wrong answer {result} for {calls}.");
            }

            calls++;
            key = key + 1 == keys ? 0 : key + 1;
        }

        return calls;
    }

    /// <summary>One caller, one call at a time, each call timed; allocation counted over the whole run.</summary>
    private static Task<(Latency Latency, double BytesPerCall)> SequentialAsync(CallTarget target, int calls) =>
        Task.Run(async () =>
        {
            var latency = new Latency(calls);
            var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < calls; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await target.CallAsync(i % target.Keys, i);
                latency.Add(Stopwatch.GetTimestamp() - start);
            }

            var bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
            return (latency, (double)bytes / calls);
        });

    private sealed class StopFlag
    {
        private volatile bool _set;

        public bool IsSet => _set;

        public void Set() => _set = true;
    }
}
