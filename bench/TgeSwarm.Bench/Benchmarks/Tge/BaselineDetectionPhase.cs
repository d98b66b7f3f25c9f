using TgeSwarm.Feeds.Sources;
using TgeSwarm.Grains.Tge.Classification;

namespace TgeSwarm.Bench.Benchmarks.Tge;

/// <summary>The baseline side: a fresh local source server with the same sources, the plain poll loop, the same schedule.</summary>
internal static class BaselineDetectionPhase
{
    public static async Task<DetectionRun> RunAsync(DetectionPlan plan, TgeClassifier classifier, DetectionProbe probe, CancellationToken cancellationToken)
    {
        await using var server = await LocalSourceServer.StartAsync(new LocalSourceServerOptions { Sources = DetectionPlan.Sources() }, cancellationToken: cancellationToken);
        var poller = new BaselinePoller(server.Sources, classifier, probe);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var polling = poller.RunAsync(stop.Token);
        DetectionSummary summary;
        try
        {
            await poller.Ready.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
            summary = await DetectionPhase.MeasureAsync(server, plan, 'B', 'V', probe, cancellationToken);
        }
        finally
        {
            await stop.CancelAsync();
            await polling;
        }

        var failed = new Dictionary<string, long>(StringComparer.Ordinal);
        if (poller.Failures > 0)
        {
            failed["HttpRequestException"] = poller.Failures;
        }

        return new DetectionRun(summary, poller.Polls, failed);
    }
}
