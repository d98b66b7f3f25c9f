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

    /// <summary>The baseline's rate (reported with the grains'); prints the parse-only rate.</summary>
    public static (double Rate, PlainPipeline Baseline) MeasureBaseline(string prefix, PipelineFrames frames)
    {
        var baseline = new PlainPipeline();
        var (rate, allocated, cpu) = Run(baseline, frames);
        Report.Figure($"{prefix}.throughput.parse_only.messages_per_s", Run(new PlainPipeline { ParseOnly = true }, frames).Rate, "messages/s");
        Report.Figure($"{prefix}.throughput.baseline_plain_loop.alloc_bytes_per_message", allocated / (double)frames.MeasuredFrames, "bytes");
        Report.Figure($"{prefix}.throughput.baseline_plain_loop.cpu_us_per_message", cpu.TotalMicroseconds / frames.MeasuredFrames, "us");
        return (rate, baseline);
    }

    /// <summary>One silo as fast as the sources go; prints its rate, the baseline's and their ratio.</summary>
    public static async Task<double> MeasureGrainsAsync(string prefix, PipelineFrames frames, double baselineRate)
    {
        await using var grains = await GrainPipeline.StartAsync();
        await grains.RunAsync(frames, FramesPerBatch, framesPerSecond: 0, instrumentCopies: 1, measured: false);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var collectionsBefore = Collections();
        var cpuBefore = Environment.CpuUsage.TotalTime;
        using var gc = new GcRecorder();
        gc.Start();
        var elapsed = await grains.RunAsync(frames, FramesPerBatch, framesPerSecond: 0, instrumentCopies: 1, measured: true);
        gc.Stop();
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
        await grains.RunAsync(frames, FramesPerBatch, framesPerSecond: 0, instrumentCopies: 1, measured: false);
        using var latency = new LatencyRecorder();
        using var gc = new GcRecorder();
        var paused = GC.GetTotalPauseDuration();
        var collections = Collections();
        var sampler = new InFlightSampler(grains.Instruments);
        gc.Start();
        var elapsed = await grains.RunAsync(frames, FramesPerBatch, framesPerSecond, instrumentCopies: 1, measured: true);
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
    private static (double Rate, long Allocated, TimeSpan Cpu) Run(PlainPipeline pipeline, PipelineFrames frames)
    {
        pipeline.Run(frames, FramesPerBatch, measured: false);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Environment.CpuUsage.TotalTime;
        var started = Stopwatch.GetTimestamp();
        pipeline.Run(frames, FramesPerBatch, measured: true);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return (frames.MeasuredFrames / elapsed.TotalSeconds, GC.GetAllocatedBytesForCurrentThread() - allocated, Environment.CpuUsage.TotalTime - cpu);
    }

    private static int[] Collections() => [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
}
