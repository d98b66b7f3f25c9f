using TgeSwarm.Feeds.Sources;

namespace TgeSwarm.Bench.Benchmarks.Tge;

/// <summary>The part both phases share: a warm-up round of items, then the measured schedule and the wait for its events.</summary>
internal static class DetectionPhase
{
    /// <summary>How long after the last publish the phase waits for the events still missing before counting them as missed.</summary>
    public static readonly TimeSpan Drain = TimeSpan.FromSeconds(15);

    public static async Task<DetectionSummary> MeasureAsync(LocalSourceServer server, DetectionPlan plan, char phase, char warmUpPhase, DetectionProbe probe, CancellationToken cancellationToken)
    {
        // Warm-up: a dozen items through the whole path (JIT, connections, first activations of the event grains' kind).
        var warmUp = DetectionPlan.Create(TimeSpan.FromSeconds(3), 12);
        var warmLog = new DetectionLog(Enumerable.Range(0, warmUp.Moments.Count).Select(i => DetectionPlan.Symbol(warmUpPhase, i)));
        probe.Log = warmLog;
        await DetectionPublisher.RunAsync(server, warmUp, warmUpPhase, warmLog, cancellationToken);
        await WaitAsync(warmLog.AllDetected, cancellationToken);

        var symbols = Enumerable.Range(0, plan.Moments.Count).Select(i => DetectionPlan.Symbol(phase, i));
        var log = new DetectionLog(symbols);
        probe.Log = log;
        await DetectionPublisher.RunAsync(server, plan, phase, log, cancellationToken);
        await WaitAsync(log.AllDetected, cancellationToken);
        probe.Log = null;
        return log.Summarize();
    }

    private static async Task WaitAsync(Task allDetected, CancellationToken cancellationToken)
    {
        try
        {
            await allDetected.WaitAsync(Drain, cancellationToken);
        }
        catch (TimeoutException)
        {
            // What is still missing is reported as missed by the summary.
        }
    }
}
