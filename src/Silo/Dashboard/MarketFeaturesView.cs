using System.Globalization;
using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Dashboard.Panels;

namespace TgeSwarm.Silo.Dashboard;

/// <summary>
/// The latest features of the busiest instruments, read from their cache grains (the source of truth for reads),
/// with a price chart for the busiest few. The instruments are the active cache grains the management API lists
/// (at most <see cref="Candidates"/>, refreshed every <see cref="ListRefresh"/>); "busiest" is the most trades.
/// </summary>
internal sealed class MarketFeaturesView(IClusterClient client, TimeProvider time)
{
    private const int Candidates = 64;
    private const int Shown = 8;
    private const int Charted = 4;
    private static readonly TimeSpan ListRefresh = TimeSpan.FromSeconds(10);

    private readonly SeriesHistory _prices = new(60);
    private string[] _instruments = [];
    private long _listedAt;

    public async ValueTask<DashboardPanelData> LoadAsync(CancellationToken cancellationToken)
    {
        if (_listedAt == 0 || time.GetElapsedTime(_listedAt) >= ListRefresh)
        {
            var caches = await client.GetGrain<IManagementGrain>(0).GetActivations("cache", Candidates).WaitAsync(cancellationToken);
            _instruments = [.. caches.Select(static a => a.GrainId.Key).Distinct(StringComparer.Ordinal)];
            _listedAt = time.GetTimestamp();
        }

        var latest = await Task.WhenAll(_instruments.Select(i => client.GetGrain<ICacheGrain>(i).GetLatestAsync(cancellationToken)));
        var busiest = latest
            .Where(static snapshots => snapshots.Count > 0)
            .OrderByDescending(static snapshots => snapshots.Sum(static s => s.TradeCount))
            .ThenBy(static snapshots => snapshots[0].Instrument, StringComparer.Ordinal)
            .Take(Shown)
            .ToList();

        var rows = busiest.SelectMany(static snapshots => snapshots.OrderBy(static s => s.Venue, StringComparer.Ordinal)).Select(static s => new DashboardRow(
        [
            s.Instrument,
            s.Venue,
            Format(s.LastPrice),
            Format(s.Vwap),
            Format(s.Spread),
            s.Rsi?.ToString("F1", CultureInfo.InvariantCulture) ?? "–",
            s.RealizedVolatility.ToString("G4", CultureInfo.InvariantCulture),
            s.BookImbalance?.ToString("F3", CultureInfo.InvariantCulture) ?? "–",
            s.TradeCount.ToString("N0", CultureInfo.InvariantCulture),
        ])).ToList();

        var charted = busiest.Take(Charted).Select(static snapshots => snapshots.OrderByDescending(static s => s.TradeCount).First()).ToList();
        _prices.KeepOnly(charted.Select(static s => s.Instrument).ToHashSet(StringComparer.Ordinal));
        var series = charted.Select(s => new DashboardSeries($"{s.Instrument} on {s.Venue}", _prices.Add(s.Instrument, (double)s.LastPrice))).ToList();

        return new DashboardPanelData(
            new DashboardTable(["Instrument", "Venue", "Last", "VWAP", "Spread", "RSI", "Volatility", "Book imbalance", "Trades"], rows),
            series,
            rows.Count == 0 ? "No instrument has features yet." : null);
    }

    private static string Format(decimal value) => value.ToString("G10", CultureInfo.InvariantCulture);
}
