using TgeSwarm.Bench.Harness;

namespace TgeSwarm.Bench.Benchmarks.Pipeline;

/// <summary>
/// Issue 5's throughput and latency aims on small frames (<see cref="SmallFrames"/>): the recordings' frames are
/// large (a Coinbase level2 frame averages 8 kB), so over them parsing bounds the rate whatever the grains cost.
/// The same grain pipeline and plain-loop baseline as <c>pipeline</c>, fed one-event frames of 100 instruments over
/// four connections; latency is measured with the sources paced at 100 000 frames/s in all.
/// </summary>
internal static class SmallPipelineBenchmark
{
    private const string Prefix = "pipeline_small";
    private const double PacedFramesPerSecond = 100_000;

    public static async Task RunAsync(BenchOptions options)
    {
        // A long warm-up: on two shared cores the background JIT was still moving stream and turn code to tier 1 a second
        // into the grains' run (13 % of its samples), which is start-up cost, not the pipeline's.
        var frames = SmallFrames.Render(warmUpFrames: options.Pick(100_000, 400_000), measuredFrames: options.Pick(300_000, 1_200_000));
        var bytes = frames.Connections.Sum(static c => c.Frames.Skip(c.WarmUpCount).Sum(static f => (long)f.Data.Length));
        Report.Note($"{Prefix}: {frames.Connections.Count} connections, {SmallFrames.Instruments} instruments, {frames.MeasuredFrames} measured frames, "
            + $"{bytes / frames.MeasuredFrames} bytes a frame on average");
        var (baselineRate, _) = await PipelineFigures.MeasureBaselineAsync(Prefix, frames);
        await PipelineFigures.MeasureGrainsAsync(Prefix, frames, baselineRate);
        await PipelineFigures.MeasureLatencyAsync(Prefix, frames, PacedFramesPerSecond);
    }
}
