using System.Globalization;
using TgeSwarm.Runtime.Dashboard.Metrics;
using TgeSwarm.Runtime.Dashboard.Panels;

namespace TgeSwarm.Silo.Dashboard;

/// <summary>
/// Events per second through each market stage on this silo, from the <c>swarm.market.events</c> counter of the
/// <c>TgeSwarm.Market</c> meter (tagged by stage and venue), with a chart per stage and the validation rejects.
/// Rates are taken between consecutive samples.
/// </summary>
internal sealed class PipelineThroughputView(ISwarmMetricsReader metrics, TimeProvider time)
{
    /// <summary>Pipeline order; a stage the meter reports that is not listed here is shown after these.</summary>
    private static readonly string[] Stages = ["ingestion", "validation", "transform", "features", "windows", "cache"];

    private readonly SeriesHistory _history = new(60);
    private Dictionary<string, double> _previous = new(StringComparer.Ordinal);
    private long _previousAt;

    public ValueTask<DashboardPanelData> LoadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetTimestamp();
        var totals = metrics.Read("swarm.market.events")
            .GroupBy(static v => v.Tag("stage"), StringComparer.Ordinal)
            .ToDictionary(static g => g.Key, static g => g.Sum(static v => v.Value), StringComparer.Ordinal);
        totals["rejected"] = metrics.Read("swarm.market.rejected").Sum(static v => v.Value);
        var seconds = _previousAt == 0 ? 0 : time.GetElapsedTime(_previousAt, now).TotalSeconds;

        var rows = new List<DashboardRow>();
        var series = new List<DashboardSeries>();
        foreach (var stage in Stages.Concat(totals.Keys.Where(static k => !Stages.Contains(k, StringComparer.Ordinal)).Order(StringComparer.Ordinal)))
        {
            var total = totals.GetValueOrDefault(stage);
            var rate = seconds > 0 && total >= _previous.GetValueOrDefault(stage) ? (total - _previous.GetValueOrDefault(stage)) / seconds : 0;
            rows.Add(new DashboardRow([stage, rate.ToString("N1", CultureInfo.InvariantCulture), total.ToString("N0", CultureInfo.InvariantCulture)]));
            series.Add(new DashboardSeries(stage, _history.Add(stage, rate), "events/s"));
        }

        _previous = totals;
        _previousAt = now;
        var note = totals.Count == 1 && totals["rejected"] == 0 ? "No market events on this silo yet." : null;
        return ValueTask.FromResult(new DashboardPanelData(new DashboardTable(["Stage", "Events/s", "Total"], rows), series, note));
    }
}
