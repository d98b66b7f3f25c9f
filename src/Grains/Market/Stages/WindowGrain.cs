using Microsoft.Extensions.Options;
using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Grains.Market.Hosting;
using TgeSwarm.Grains.Market.Pipeline;
using TgeSwarm.Grains.Market.Windows;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Market.Stages;

/// <summary>
/// Window processing of one instrument across venues. Closed windows are kept in a bounded ring for reads. When the
/// engine's pending buffer is full the update is counted as refused: the turn does not wait, because waiting here
/// would stall the feature stream the cache reads too; the engine's own bounds are the backpressure policy.
/// </summary>
[ImplicitStreamSubscription(MarketStreamNames.Features)]
internal sealed class WindowGrain(IOptions<WindowOptions> windowOptions, IOptions<MarketPipelineOptions> options, MarketInstruments instruments)
    : Grain, IWindowGrain
{
    private readonly Queue<WindowResult> _recent = new();
    private WindowEngine _engine = null!;
    private StageCounters _counters = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var instrument = this.GetPrimaryKeyString();
        _engine = new WindowEngine(instrument, windowOptions.Value);
        _counters = new StageCounters(MarketStages.Windows, instrument);
        await this.GetStreamProvider(MarketStreamNames.Provider)
            .GetStream<FeatureUpdate>(StreamId.Create(MarketStreamNames.Features, instrument))
            .SubscribeBatchAsync(OnUpdatesAsync);
    }

    public Task<IReadOnlyList<WindowResult>> GetRecentAsync(int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return Task.FromResult<IReadOnlyList<WindowResult>>([.. _recent.Skip(Math.Max(0, _recent.Count - count))]);
    }

    public Task<StageStatistics> GetStatisticsAsync(CancellationToken cancellationToken) => Task.FromResult(_counters.Snapshot());

    private Task OnUpdatesAsync(IReadOnlyList<FeatureUpdate> updates, StreamSequenceToken? token)
    {
        foreach (var update in updates)
        {
            if (!_engine.OnFeatures(update))
            {
                _counters.Drop("backpressure");
            }

            instruments.Handled(MarketStages.Windows, update.Snapshot.Venue, 1);
        }

        _counters.Batches++;
        _counters.EventsIn += updates.Count;
        foreach (var closed in _engine.TakeClosed())
        {
            _counters.EventsOut++;
            _recent.Enqueue(closed);
            if (_recent.Count > options.Value.RecentWindowsKept)
            {
                _recent.Dequeue();
            }
        }

        return Task.CompletedTask;
    }
}
