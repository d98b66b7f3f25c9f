using System.Diagnostics;
using TgeSwarm.Bench.Harness;

namespace TgeSwarm.Bench.Benchmarks.Pipeline;

/// <summary>
/// The measurements <c>pipeline</c> and <c>pipeline_small</c> share, each printed under the benchmark's prefix:
/// the plain-loop baseline and its parse-only part, the grains' throughput beside it, and latency at a paced rate.
/// Every run first feeds the warm-up frames, which also set the books up, and measures the rest.
/// </summary>
internal static class PipelineFigures
{
    public const int FramesPerBatch = 256;

    private const int WarmUpParts = 4;

    /// <summary>The baseline's rate (reported with the grains'); prints the parse-only rate.</summary>
    public static async Task<(double Rate, PlainPipeline Baseline)> MeasureBaselineAsync(string prefix, PipelineFrames frames)
    {
        var baseline = new PlainPipeline();
        var (rate, allocated, cpu) = await RunAsync(baseline, frames);
        Report.Figure($"{prefix}.throughput.parse_only.messages_per_s", (await RunAsync(new PlainPipeline { ParseOnly = true }, frames)).Rate, "messages/s");
        Report.Figure($"{prefix}.throughput.baseline_plain_loop.alloc_bytes_per_message", allocated / (double)frames.MeasuredFrames, "bytes");
        Report.Figure($"{prefix}.throughput.baseline_plain_loop.cpu_us_per_message", cpu.TotalMicroseconds / frames.MeasuredFrames, "us");
        return (rate, baseline);
    }

    /// <summary>One silo as fast as the sources go; prints its rate, the baseline's and their ratio.</summary>
    public static async Task<double> MeasureGrainsAsync(string prefix, PipelineFrames frames, double baselineRate)
    {
        await using var grains = await GrainPipeline.StartAsync();

        // Listening to the runtime's GC events loads and compiles code of its own: before the warm-up, not in the run.
        using var gc = new GcRecorder();
        await WarmUpAsync(grains, frames);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var collectionsBefore = Collections();
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var jitBefore = (Time: System.Runtime.JitInfo.GetCompilationTime(), Methods: System.Runtime.JitInfo.GetCompiledMethodCount());
        gc.Start();
        var elapsed = await grains.RunAsync(frames, FramesPerBatch, framesPerSecond: 0, instrumentCopies: 1, FramePart.Measurement);
        gc.Stop();
        Report.Note($"{prefix}: the JIT compiled {System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore.Methods} methods in "
            + $"{(System.Runtime.JitInfo.GetCompilationTime() - jitBefore.Time).TotalMilliseconds:0} ms during the grains' measured run ({elapsed.TotalMilliseconds:0} ms)");
        var cpu = Environment.CpuUsage.TotalTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var collections = Collections();
        var rate = frames.MeasuredFrames / elapsed.TotalSeconds;
        Report.Note($"{prefix}: collections during the grains' measured run (gen 0/1/2): "
            + $"{collections[0] - collectionsBefore[0]}/{collections[1] - collectionsBefore[1]}/{collections[2] - collectionsBefore[2]}; {gc.Summary()}");
        Report.Figure($"{prefix}.throughput.messages_per_s", rate, "messages/s");
        Report.Figure($"{prefix}.throughput.alloc_bytes_per_message", allocated / (double)frames.MeasuredFrames, "bytes");

        // CPU time (all threads, the quiet tail included) survives a shared machine better than the wall-clock rate.
        Report.Figure($"{prefix}.throughput.cpu_us_per_message", cpu.TotalMicroseconds / frames.MeasuredFrames, "us");
        Report.Figure($"{prefix}.throughput.baseline_plain_loop.messages_per_s", baselineRate, "messages/s");
        Report.Ratio($"{prefix}.throughput.ratio_to_baseline", rate, baselineRate);
        return rate;
    }

    /// <summary>
    /// Frame received to cache updated, every cache turn of the measured run, with the sources paced at
    /// <paramref name="framesPerSecond"/> in all; prints the rate they achieved beside p50 and p99.
    /// </summary>
    public static async Task MeasureLatencyAsync(string prefix, PipelineFrames frames, double framesPerSecond)
    {
        await using var grains = await GrainPipeline.StartAsync();
        using var gc = new GcRecorder();
        await WarmUpAsync(grains, frames);
        using var latency = new LatencyRecorder();
        var paused = GC.GetTotalPauseDuration();
        var collections = Collections();
        var sampler = new InFlightSampler(grains.Instruments);
        gc.Start();
        var elapsed = await grains.RunAsync(frames, FramesPerBatch, framesPerSecond, instrumentCopies: 1, FramePart.Measurement);
        gc.Stop();
        await sampler.DisposeAsync();
        paused = GC.GetTotalPauseDuration() - paused;
        var percentiles = latency.Percentiles(50, 99, 99.9);
        Report.Note($"{prefix}: {latency.Count} cache turns measured; p99.9 {percentiles[2]:0.###} ms; collections (gen 0/1/2) "
            + $"{GC.CollectionCount(0) - collections[0]}/{GC.CollectionCount(1) - collections[1]}/{GC.CollectionCount(2) - collections[2]} pausing {paused.TotalMilliseconds:0} ms in all");
        Report.Note($"{prefix}: paced run {gc.Summary()}; {sampler.Summary()}");
        Report.Figure($"{prefix}.latency.paced_messages_per_s", frames.MeasuredFrames / elapsed.TotalSeconds, "messages/s");
        Report.Figure($"{prefix}.latency.p50_ms", percentiles[0], "ms");
        Report.Figure($"{prefix}.latency.p99_ms", percentiles[1], "ms");
    }

    // The loop runs on this thread only, so the thread's allocations are the baseline's; CPU time is the process's.
    private static async Task<(double Rate, long Allocated, TimeSpan Cpu)> RunAsync(PlainPipeline pipeline, PipelineFrames frames)
    {
        for (var part = 0; part < WarmUpParts; part++)
        {
            pipeline.Run(frames, FramesPerBatch, FramePart.WarmUp(part, WarmUpParts));
            await JitSettling.WaitAsync();
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Environment.CpuUsage.TotalTime;
        var started = Stopwatch.GetTimestamp();
        pipeline.Run(frames, FramesPerBatch, FramePart.Measurement);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return (frames.MeasuredFrames / elapsed.TotalSeconds, GC.GetAllocatedBytesForCurrentThread() - allocated, Environment.CpuUsage.TotalTime - cpu);
    }

    // The warm-up in parts, each followed by a wait for the JIT to finish what it started (JitSettling): tier-up needs
    // calls, so a wait after one long warm-up leaves the last step (instrumented to optimised) to the measured run.
    private static async Task WarmUpAsync(GrainPipeline grains, PipelineFrames frames)
    {
        var settled = new List<string>();
        for (var part = 0; part < WarmUpParts; part++)
        {
            await grains.RunAsync(frames, FramesPerBatch, framesPerSecond: 0, instrumentCopies: 1, FramePart.WarmUp(part, WarmUpParts));
            var (waited, compiled) = await JitSettling.WaitAsync();
            settled.Add($"{compiled} methods in {waited.TotalMilliseconds:0} ms");
        }

        Report.Note($"warm-up: after each of its {WarmUpParts} parts the JIT compiled {string.Join(", ", settled)} before it settled");
    }

    private static int[] Collections() => [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
}
