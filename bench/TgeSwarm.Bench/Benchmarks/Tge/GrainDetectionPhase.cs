using System.Diagnostics;
using TgeSwarm.Feeds.Sources;
using TgeSwarm.Grains.Interfaces.Tge.Sources;

namespace TgeSwarm.Bench.Benchmarks.Tge;

/// <summary>
/// The measured side: a local source server with the plan's 100 sources and one silo with the pipeline, a source
/// grain per source polling every second (MinInterval = MaxInterval = 1 s, backlog not replayed), the probe
/// subscribed to <c>tge.events</c> and <c>tge.raw</c>; then the plan's items.
/// </summary>
internal static class GrainDetectionPhase
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public static async Task<DetectionRun> RunAsync(DetectionPlan plan, DetectionProbe probe, CancellationToken cancellationToken)
    {
        await using var server = await LocalSourceServer.StartAsync(new LocalSourceServerOptions { Sources = DetectionPlan.Sources() }, cancellationToken: cancellationToken);
        await using var cluster = await DetectionSilo.StartAsync(probe);
        var grains = cluster.GrainFactory;
        var ids = server.Sources.Select(static s => s.SourceId).ToArray();

        // Subscribed before any source starts, so no stream exists yet whose subscriber list could be stale.
        await grains.GetGrain<ITgeDetectionProbeGrain>(0).WatchAsync(ids, cancellationToken);
        await Task.WhenAll(server.Sources.Select(s => grains.GetGrain<ISourceGrain>(s.SourceId).StartAsync(Settings(s), cancellationToken)));
        await FirstPollsAsync(grains, ids, cancellationToken);

        var summary = await DetectionPhase.MeasureAsync(server, plan, 'G', 'W', probe, cancellationToken);
        var statuses = await Task.WhenAll(ids.Select(id => grains.GetGrain<ISourceGrain>(id).GetStatusAsync(cancellationToken)));
        var failed = statuses.SelectMany(static s => s.Errors).GroupBy(static e => e.Key).ToDictionary(static g => g.Key, static g => g.Sum(static e => e.Value));
        await Task.WhenAll(ids.Select(id => grains.GetGrain<ISourceGrain>(id).PauseAsync(cancellationToken)));
        return new DetectionRun(summary, statuses.Sum(static s => s.Polls), failed);
    }

    private static TgeSourceSettings Settings(LocalSourceEndpoint source) => new(
        source.Url.AbsoluteUri,
        Enum.Parse<TgeSourceKind>(source.Kind.ToString()),
        Interval,
        Interval,
        source.Html is { } h ? new TgeHtmlSelectors(h.Item, h.Title, h.Link, h.Date, h.Summary) : null,
        EmitExisting: false);

    /// <summary>Waits (bounded) until every source has read its page once, so no planned item is taken for backlog.</summary>
    private static async Task FirstPollsAsync(IGrainFactory grains, string[] ids, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 60);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var statuses = await Task.WhenAll(ids.Select(id => grains.GetGrain<ISourceGrain>(id).GetStatusAsync(cancellationToken)));
            if (statuses.All(static s => s.LastOutcome is TgePollOutcome.NewItems or TgePollOutcome.NoNewItems or TgePollOutcome.NotModified))
            {
                return;
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException("tge_detection: not every source grain made a successful first poll within 60 s");
    }
}
