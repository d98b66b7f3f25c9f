using TgeSwarm.Bench.Harness;

namespace TgeSwarm.Bench.Benchmarks.Pipeline;

/// <summary>
/// Issue 5's pipeline figures over the five venues' recordings as the looping replay renders them: throughput of
/// ingestion's parsing → validation → transformation → features → windows → cache on one silo beside the same stage
/// code in a plain loop; latency from frame received to cache updated at a paced rate; working set with the events
/// spread over 500 instruments.
/// </summary>
internal static class PipelineBenchmark
{
    public static async Task RunAsync(BenchOptions options)
    {
        var passes = options.Pick(1, 3);
        var frames = PipelineFrames.Render(passes);
        Report.Note($"pipeline: {frames.Connections.Count} recorded connections, {frames.MeasuredFrames} measured frames ({passes} looped passes after a warm-up pass)");
        var (baselineRate, baseline) = await PipelineFigures.MeasureBaselineAsync("pipeline", frames);
        foreach (var venue in PipelineFrames.Venues)
        {
            Report.Note($"pipeline: {PipelineFrames.Venues.Length} venues; {venue}: {frames.Connections.Where(c => c.Venue == venue).Sum(c => c.MeasuredCount)} frames, "
                + $"{frames.Connections.Where(c => c.Venue == venue).Sum(c => c.Frames.Skip(c.WarmUpCount).Sum(f => (long)f.Data.Length)) / 1024} KiB");
        }

        await PipelineFigures.MeasureGrainsAsync("pipeline", frames, baselineRate);

        // Paced well inside what the silo sustains, so the figure is the pipeline's delay and not a queue's.
        await PipelineFigures.MeasureLatencyAsync("pipeline", frames, Math.Min(100_000, baselineRate / 2));
        await MeasureMemoryAsync(frames, copies: (500 + baseline.InstrumentCount - 1) / baseline.InstrumentCount);
    }

    // Each recorded instrument's events are spread over enough renamed copies to make about 500 instruments.
    private static async Task MeasureMemoryAsync(PipelineFrames frames, int copies)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = Environment.WorkingSet;
        await using var grains = await GrainPipeline.StartAsync();
        using var sampling = new CancellationTokenSource();
        var peak = before;
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, Environment.WorkingSet);
                await Task.Delay(10, CancellationToken.None);
            }
        });
        await grains.RunAsync(frames, PipelineFigures.FramesPerBatch, framesPerSecond: 0, instrumentCopies: copies, FramePart.WarmUp(0, 1));
        await grains.RunAsync(frames, PipelineFigures.FramesPerBatch, framesPerSecond: 0, instrumentCopies: copies, FramePart.Measurement);
        await sampling.CancelAsync();
        await sampler;
        Report.Figure("pipeline.memory.instruments", grains.Instruments.BusiestInstruments(100_000).Length, "instruments");
        Report.Figure("pipeline.memory.peak_working_set_mb", peak / 1048576.0, "MB");
        Report.Figure("pipeline.memory.baseline_process_before_mb", before / 1048576.0, "MB");
    }
}
