using System.Globalization;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Grains.Tge.Events;
using TgeSwarm.Runtime.Dashboard.Panels;

namespace TgeSwarm.Silo.Dashboard;

/// <summary>
/// The newest TGE event records, newest first, from the event store the API pages through (memory on the embedded
/// default, PostgreSQL in a cluster). Read at most every <see cref="Refresh"/>, so open dashboards cost the store one
/// small query per interval, not one per sample.
/// </summary>
internal sealed class TgeEventsView(IServiceProvider services, TimeProvider time)
{
    private const int Shown = 20;
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(2);

    private DashboardPanelData? _last;
    private long _readAt;

    public async ValueTask<DashboardPanelData> LoadAsync(CancellationToken cancellationToken)
    {
        if (_last is not null && time.GetElapsedTime(_readAt) < Refresh)
        {
            return _last;
        }

        if (services.GetService(typeof(ITgeEventStore)) is not ITgeEventStore store)
        {
            return new DashboardPanelData(Note: "This silo keeps no TGE event store.");
        }

        var page = await store.QueryAsync(new TgeEventQuery(Limit: Shown), cancellationToken);
        var rows = page.Items.Select(static e => new DashboardRow(
        [
            e.FirstSeenAt.ToString("u", CultureInfo.InvariantCulture),
            e.Symbol ?? e.TokenSlug,
            e.Name ?? "–",
            e.Kind.ToString(),
            e.Venue ?? "–",
            e.EventTime?.ToString("u", CultureInfo.InvariantCulture) ?? "–",
            e.Confidence.ToString("P0", CultureInfo.InvariantCulture),
            e.Sightings.Count.ToString(CultureInfo.InvariantCulture),
            e.Title,
        ])).ToList();

        _last = new DashboardPanelData(
            new DashboardTable(["First seen", "Token", "Project", "Kind", "Venue", "Event time", "Confidence", "Sources", "Title"], rows),
            Note: rows.Count == 0 ? "No TGE events detected yet." : null);
        _readAt = time.GetTimestamp();
        return _last;
    }
}
