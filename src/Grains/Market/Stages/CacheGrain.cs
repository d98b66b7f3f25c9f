using Microsoft.Extensions.Options;
using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Grains.Market.Hosting;
using TgeSwarm.Grains.Market.History;
using TgeSwarm.Grains.Market.Pipeline;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Market.Stages;

/// <summary>
/// The last stage: keeps the latest features per venue and the recent bars of one instrument for reads, hands
/// closed bars to the history recorder, and measures the pipeline's latency (frame received to cache updated).
/// </summary>
[ImplicitStreamSubscription(MarketStreamNames.Features)]
internal sealed class CacheGrain(IOptions<MarketPipelineOptions> options, MarketInstruments instruments, IBarHistorySink history, TimeProvider time)
    : Grain, ICacheGrain
{
    private readonly Dictionary<string, FeatureSnapshot> _latest = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Venue, int Interval), BarRing> _bars = [];
    private StageCounters _counters = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var instrument = this.GetPrimaryKeyString();
        _counters = new StageCounters(MarketStages.Cache, instrument);
        await this.GetStreamProvider(MarketStreamNames.Provider)
            .GetStream<FeatureUpdate>(StreamId.Create(MarketStreamNames.Features, instrument))
            .SubscribeBatchAsync(OnUpdatesAsync);
    }

    public Task<IReadOnlyList<FeatureSnapshot>> GetLatestAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FeatureSnapshot>>([.. _latest.Values.OrderBy(s => s.Venue, StringComparer.Ordinal)]);

    public Task<IReadOnlyList<Bar>> GetBarsAsync(string venue, int intervalSeconds, int count, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(venue);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(intervalSeconds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        IReadOnlyList<Bar> bars = _bars.TryGetValue((venue, intervalSeconds), out var ring) ? ring.Latest(count) : [];
        return Task.FromResult(bars);
    }

    public Task<StageStatistics> GetStatisticsAsync(CancellationToken cancellationToken) => Task.FromResult(_counters.Snapshot());

    private Task OnUpdatesAsync(IReadOnlyList<FeatureUpdate> updates, StreamSequenceToken? token)
    {
        var oldestReceivedAt = long.MaxValue;
        foreach (var update in updates)
        {
            _latest[update.Snapshot.Venue] = update.Snapshot;
            foreach (var bar in update.ClosedBars)
            {
                Ring(bar.Venue, bar.IntervalSeconds).Add(bar);
            }

            if (update.ClosedBars.Count > 0)
            {
                history.Enqueue(update.ClosedBars);
            }

            oldestReceivedAt = Math.Min(oldestReceivedAt, update.ReceivedAt);
            instruments.Handled(MarketStages.Cache, update.Snapshot.Venue, 1);
        }

        _counters.Batches++;
        _counters.EventsIn += updates.Count;
        _counters.EventsOut += updates.Count;
        instruments.InstrumentCached(this.GetPrimaryKeyString());
        if (oldestReceivedAt is > 0 and < long.MaxValue)
        {
            instruments.CacheUpdated(Math.Max(0, (MarketClock.NowMicros(time) - oldestReceivedAt) / 1000.0));
        }

        return Task.CompletedTask;
    }

    private BarRing Ring(string venue, int interval)
    {
        if (!_bars.TryGetValue((venue, interval), out var ring))
        {
            ring = new BarRing(options.Value.RecentBarsKept);
            _bars.Add((venue, interval), ring);
        }

        return ring;
    }
}
