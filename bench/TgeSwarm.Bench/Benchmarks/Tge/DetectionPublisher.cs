using System.Diagnostics;
using TgeSwarm.Feeds.Sources;

namespace TgeSwarm.Bench.Benchmarks.Tge;

/// <summary>Publishes a phase's items on the local source server at the plan's moments, timestamping each publish.</summary>
internal static class DetectionPublisher
{
    public static async Task RunAsync(LocalSourceServer server, DetectionPlan plan, char phase, DetectionLog log, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < plan.Moments.Count; i++)
        {
            var (at, source) = plan.Moments[i];
            var wait = at - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                // The schedule itself, not a wait for something to happen.
                await Task.Delay(wait, cancellationToken);
            }

            var symbol = DetectionPlan.Symbol(phase, i);

            // PublishAsync returns once later requests see the item: the item "appears" within this call.
            log.Published(symbol, Stopwatch.GetTimestamp());
            await server.PublishAsync(DetectionPlan.SourceId(source), DetectionPlan.Title(symbol), cancellationToken);
        }
    }
}
