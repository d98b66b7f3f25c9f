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
        var rate = Run(baseline, frames);
        Report.Figure($"{prefix}.throughput.parse_only.messages_per_s", Run(new PlainPipeline { ParseOnly = true }, frames), "messages/s");
        return (rate, baseline);
    }

    /// <summary>One silo as fast as the sources go; prints its rate, the baseline's and their ratio.</summary>
    public static async Task<double> MeasureGrainsAsync(string prefix, PipelineFrames frames, double baselineRate)
    {
        await using var grains = await GrainPipeline.StartAsync();
        await grains.RunAsync(frames, FramesPerBatch, framesPerSecond: 0, instrumentCopies: 1, measured: false);
        var elapsed = await grains.RunAsync(frames, FramesPerBatch, framesPerSecond: 0, instrumentCopies: 1, measured: true);
        var rate = frames.MeasuredFrames / elapsed.TotalSeconds;
        Report.Figure($"{prefix}.throughput.messages_per_s", rate, "messages/s");
        Report.Figure($"{prefix}.throughput.baseline_plain_loop.messages_per_s", baselineRate, "messages/s");
        Report.Ratio($"{prefix}.throughput.ratio_to_baseline", rate, baselineRate);
        return rate;
    }

    /// <summary>
    /// Frame received to cache updated over the last cache turns, with the sources paced at
    /// <paramref name="framesPerSecond"/> in all; prints the rate they achieved beside p50 and p99.
    /// </summary>
    public static async Task MeasureLatencyAsync(string prefix, PipelineFrames frames, double framesPerSecond)
    {
        await using var grains = await GrainPipeline.StartAsync();
        await grains.RunAsync(frames, FramesPerBatch, framesPerSecond: 0, instrumentCopies: 1, measured: false);
        grains.Instruments.RecentLatency.Reset();
        var elapsed = await grains.RunAsync(frames, FramesPerBatch, framesPerSecond, instrumentCopies: 1, measured: true);
        var percentiles = grains.Instruments.RecentLatency.Percentiles(50, 99);
        Report.Figure($"{prefix}.latency.paced_messages_per_s", frames.MeasuredFrames / elapsed.TotalSeconds, "messages/s");
        Report.Figure($"{prefix}.latency.p50_ms", percentiles[0], "ms");
        Report.Figure($"{prefix}.latency.p99_ms", percentiles[1], "ms");
    }

    private static double Run(PlainPipeline pipeline, PipelineFrames frames)
    {
        pipeline.Run(frames, FramesPerBatch, measured: false);
        var started = Stopwatch.GetTimestamp();
        pipeline.Run(frames, FramesPerBatch, measured: true);
        return frames.MeasuredFrames / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
