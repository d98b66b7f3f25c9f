using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Dashboard.Diagnostics;
using TgeSwarm.Runtime.Dashboard.Metrics;
using TgeSwarm.Runtime.Hosting;

namespace TgeSwarm.Runtime.Dashboard.Snapshots;

/// <summary>
/// Samples the cluster for the dashboard: silos and grain types from <see cref="IManagementGrain"/> (any silo
/// answers for the whole cluster), rates from this silo's metrics listener, stream lag from the configured
/// persistent providers, and the hosts' panels, all in parallel. A part that fails is named in
/// <see cref="DashboardSnapshot.Problems"/> and logged; the rest of the sample still goes out.
/// </summary>
internal sealed partial class ClusterSnapshotSource(
    IClusterClient client,
    ILocalSiloDetails silo,
    MetricsCollector metrics,
    IOptions<DashboardOptions> options,
    IServiceProvider services,
    DashboardClock clock,
    ILogger<ClusterSnapshotSource> logger) : ISnapshotSource
{
    private const string CallDurationHistogram = "swarm.calls.duration";

    private readonly RateMeter _rates = new(clock.Time);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _panelErrors = new(StringComparer.Ordinal);
    private readonly HistogramPercentiles _percentiles = new();

    public async ValueTask<DashboardSnapshot> SampleAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var management = client.GetGrain<IManagementGrain>(0);
        var hosts = Guard(management.GetHosts(onlyActive: false), "silos", problems, cancellationToken);
        var grains = Guard(management.GetSimpleGrainStatistics(), "grain types", problems, cancellationToken);
        var lag = options.Value.StreamLagProviders.Select(p => Guard(management.GetStreamLag(p), $"stream lag of '{p}'", problems, cancellationToken)).ToArray();
        var panels = options.Value.Panels.Select(p => LoadPanelAsync(p, cancellationToken)).ToArray();

        var calls = SampleCalls();
        var streams = SampleStreamRates();
        var latencies = metrics.Histograms().Select(_percentiles.Measure).ToArray();

        var hostList = await hosts ?? [];
        var grainList = await grains ?? [];
        var lagList = new List<StreamLagView>();
        foreach (var one in lag)
        {
            lagList.AddRange((await one ?? []).Select(static l => new StreamLagView(l.Provider, $"{l.StreamNamespace}/{l.StreamKey}", l.SubscriptionId.ToString(), l.PendingEvents, l.PendingRows)));
        }

        var panelViews = await Task.WhenAll(panels);
        var duration = latencies.FirstOrDefault(static l => string.Equals(l.Name, CallDurationHistogram, StringComparison.Ordinal));
        return new DashboardSnapshot(
            Version: 0,
            At: clock.Time.GetUtcNow(),
            Title: options.Value.Title,
            Silo: new SiloView(silo.SiloAddress.ToString(), silo.Name, silo.Status.ToString(), silo.StartedAt),
            Silos: [.. hostList.Select(static h => new SiloView(h.SiloAddress, h.Name, h.Status.ToString(), h.StartedAt == default ? null : h.StartedAt))],
            GrainTypes: [.. grainList
                .GroupBy(static g => g.GrainType, StringComparer.Ordinal)
                .OrderBy(static g => g.Key, StringComparer.Ordinal)
                .Select(static g => new GrainTypeView(g.Key, g.Sum(static s => s.ActivationCount), g.ToDictionary(static s => s.SiloAddress, static s => s.ActivationCount, StringComparer.Ordinal)))],
            Calls: calls with { P50Milliseconds = ToMilliseconds(duration, duration?.P50), P99Milliseconds = ToMilliseconds(duration, duration?.P99) },
            Streams: streams with { Lag = lagList },
            Latencies: latencies,
            Panels: [.. panelViews.OrderBy(static p => p.Order).ThenBy(static p => p.Id, StringComparer.Ordinal)],
            Problems: [.. problems]);
    }

    private CallView SampleCalls()
    {
        var completed = metrics.Total("swarm.calls.completed");
        var failed = metrics.Total("swarm.calls.failed");
        return new CallView(
            completed,
            failed,
            _rates.PerSecond("calls.completed", completed),
            _rates.PerSecond("calls.failed", failed),
            _rates.PerSecond("calls.rejected", metrics.Total("swarm.calls.rejected")),
            _rates.PerSecond("calls.timed_out", metrics.Total("swarm.calls.timed_out")),
            null,
            null);
    }

    private StreamView SampleStreamRates() => new(
        _rates.PerSecond("streams.produced", metrics.Total("swarm.streams.events.produced")),
        _rates.PerSecond("streams.delivered", metrics.Total("swarm.streams.events.delivered")),
        _rates.PerSecond("streams.dropped", metrics.Total("swarm.streams.events.dropped")),
        []);

    private static double? ToMilliseconds(LatencyView? view, double? value) =>
        view is null || value is null ? null : string.Equals(view.Unit, "s", StringComparison.Ordinal) ? value * 1000 : value;

    private async Task<T?> Guard<T>(Task<T> call, string what, List<string> problems, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await call.WaitAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is SwarmException or TimeoutException or ArgumentException)
        {
            LogClusterViewFailed(logger, exception, what);
            lock (problems)
            {
                problems.Add($"{what}: {exception.Message}");
            }

            return null;
        }
    }

    private async Task<PanelView> LoadPanelAsync(Panels.DashboardPanel panel, CancellationToken cancellationToken)
    {
        try
        {
            var data = await panel.Load(services, cancellationToken);
            _panelErrors.TryRemove(panel.Id, out _);
            return new PanelView(panel.Id, panel.Title, panel.Order, data.Table, data.Series, data.Note, null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A host's panel is its own code: whatever it throws is shown in its place and the other views carry on.
            // It is logged when the failure first appears or changes, not once a second while a dashboard is open.
            var error = $"{exception.GetType().Name}: {exception.Message}";
            if (!_panelErrors.TryGetValue(panel.Id, out var previous) || !string.Equals(previous, error, StringComparison.Ordinal))
            {
                _panelErrors[panel.Id] = error;
                LogPanelFailed(logger, exception, panel.Id);
            }

            return new PanelView(panel.Id, panel.Title, panel.Order, null, null, null, error);
        }
    }

    [LoggerMessage(DashboardEventIds.ClusterViewFailed, LogLevel.Warning, "Dashboard could not sample {What}")]
    private static partial void LogClusterViewFailed(ILogger logger, Exception exception, string what);

    [LoggerMessage(DashboardEventIds.PanelFailed, LogLevel.Warning, "Dashboard panel {PanelId} failed to load")]
    private static partial void LogPanelFailed(ILogger logger, Exception exception, string panelId);
}
