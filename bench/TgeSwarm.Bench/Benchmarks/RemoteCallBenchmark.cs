using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Bench.Baselines;
using TgeSwarm.Bench.Grains;
using TgeSwarm.Bench.Harness;
using TgeSwarm.Runtime.Directory;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Networking;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Bench.Benchmarks;

/// <summary>
/// Issue 3's figure: grain calls from one silo to grains on another over loopback TCP — sequential p50/p99 latency
/// and calls/s with 1, 16 and 256 calls in flight — beside a pipelined raw-socket request/response echo with the
/// same payload size and concurrency, measured in the same run.
/// </summary>
internal static class RemoteCallBenchmark
{
    private const int GrainKeys = 512;
    private static readonly int[] Concurrencies = [1, 16, 256];

    public static async Task RunAsync(BenchOptions options)
    {
        var builder = new TestClusterBuilder(2);
        builder.ConfigureSilo(static silo => silo.AddMemoryGrainStorage("store").AddMemoryGrainStorage("pg").AddMemoryGrainStorage(PersistentStateAttribute.DefaultStorageName));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        try
        {
            var caller = cluster.Silos[0];
            var remote = cluster.Silos[1];
            var directory = caller.ServiceProvider.GetRequiredService<GrainDirectory>();
            var client = caller.ServiceProvider.GetRequiredService<IClusterClient>();
            var grains = Enumerable.Range(0, 100_000)
                .Where(k => remote.SiloAddress.Equals(directory.OwnerOf(GrainId.Create("call", k))))
                .Take(GrainKeys)
                .Select(k => client.GetGrain<ICallGrain>(k))
                .ToArray();
            foreach (var grain in grains)
            {
                await grain.AddAsync(0);
            }

            // Every target must live on the other silo, or the figure would measure local calls.
            var placement = await client.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
            var local = placement.Where(s => s.GrainType == "call" && s.SiloAddress == caller.SiloAddress.ToString()).Sum(static s => s.ActivationCount);
            if (local > 0)
            {
                throw new InvalidOperationException($"{local} benchmark grains were activated on the calling silo; the remote figure would be wrong.");
            }

            await using var raw = await RawSocketEcho.StartAsync(payloadBytes: 32);
            var sequentialCalls = options.Pick(2_000, 20_000);
            await CallLoops.SequentialAsync(i => grains[i % grains.Length].AddAsync(i), sequentialCalls / 4);
            var grainSeq = await CallLoops.SequentialAsync(i => grains[i % grains.Length].AddAsync(i), sequentialCalls);
            await CallLoops.SequentialAsync(raw.CallAsync, sequentialCalls / 4);
            var rawSeq = await CallLoops.SequentialAsync(raw.CallAsync, sequentialCalls);
            Report.Figure("remote_call.seq.p50_us", grainSeq.PercentileMicros(50), "us");
            Report.Figure("remote_call.seq.p99_us", grainSeq.PercentileMicros(99), "us");
            Report.Figure("remote_call.baseline_raw_socket.seq.p50_us", rawSeq.PercentileMicros(50), "us");
            Report.Figure("remote_call.baseline_raw_socket.seq.p99_us", rawSeq.PercentileMicros(99), "us");
            Report.Ratio("remote_call.seq.p50.ratio_to_baseline", grainSeq.PercentileMicros(50), rawSeq.PercentileMicros(50));

            foreach (var concurrency in Concurrencies)
            {
                await CallLoops.ThroughputAsync(i => grains[i % grains.Length].AddAsync(i), concurrency, options.WarmUp);
                await CallLoops.ThroughputAsync(raw.CallAsync, concurrency, options.WarmUp);
                var grain = 0.0;
                var baseline = 0.0;
                long frames = 0;
                long flushes = 0;
                var grainCpu = new CpuPerCall();
                var baselineCpu = new CpuPerCall();
                for (var round = 0; round < options.Pick(1, 3); round++)
                {
                    var (framesBefore, flushesBefore) = Writes(cluster);
                    var cpuBefore = CpuPerCall.ProcessCpu();
                    var rate = await CallLoops.ThroughputAsync(i => grains[i % grains.Length].AddAsync(i), concurrency, options.Measure);
                    grainCpu.Add(CpuPerCall.ProcessCpu() - cpuBefore, rate * options.Measure.TotalSeconds);
                    grain = Math.Max(grain, rate);
                    var (framesAfter, flushesAfter) = Writes(cluster);
                    frames += framesAfter - framesBefore;
                    flushes += flushesAfter - flushesBefore;
                    cpuBefore = CpuPerCall.ProcessCpu();
                    rate = await CallLoops.ThroughputAsync(raw.CallAsync, concurrency, options.Measure);
                    baselineCpu.Add(CpuPerCall.ProcessCpu() - cpuBefore, rate * options.Measure.TotalSeconds);
                    baseline = Math.Max(baseline, rate);
                }

                // CPU per call (the whole process, both silos and the callers): unlike calls/s it hardly moves with other
                // processes' load, so it shows what a change to the call path saves on a busy machine.
                Report.Figure($"remote_call.c{concurrency}.cpu_us_per_call", grainCpu.MicrosPerCall, "us");
                Report.Figure($"remote_call.baseline_raw_socket.c{concurrency}.cpu_us_per_call", baselineCpu.MicrosPerCall, "us");

                // How many frames share a socket write on the silos' connections: fewer writes, less kernel time per call.
                Report.Figure($"remote_call.c{concurrency}.frames_per_flush", flushes == 0 ? 0 : (double)frames / flushes, "frames");
                Report.Figure($"remote_call.c{concurrency}.calls_per_s", grain, "calls/s");
                Report.Figure($"remote_call.baseline_raw_socket.c{concurrency}.calls_per_s", baseline, "calls/s");
                Report.Ratio($"remote_call.c{concurrency}.ratio_to_baseline", grain, baseline);
            }
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    /// <summary>Process CPU time over calls made, summed over a figure's measured rounds.</summary>
    private sealed class CpuPerCall
    {
        private TimeSpan _cpu;
        private double _calls;

        public double MicrosPerCall => _calls == 0 ? 0 : _cpu.TotalMicroseconds / _calls;

        public static TimeSpan ProcessCpu() => Process.GetCurrentProcess().TotalProcessorTime;

        public void Add(TimeSpan cpu, double calls)
        {
            _cpu += cpu;
            _calls += calls;
        }
    }

    /// <summary>Frames written and socket writes so far, over every connection of every silo (both directions).</summary>
    private static (long Frames, long Flushes) Writes(TestCluster cluster)
    {
        long frames = 0;
        long flushes = 0;
        foreach (var silo in cluster.Silos)
        {
            var connections = silo.ServiceProvider.GetRequiredService<ConnectionManager>().Connections
                .Concat(silo.ServiceProvider.GetRequiredService<ConnectionListener>().Connections);
            foreach (var connection in connections)
            {
                frames += connection.FramesSent;
                flushes += connection.Flushes;
            }
        }

        return (frames, flushes);
    }
}
