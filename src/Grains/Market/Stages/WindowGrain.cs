using Microsoft.Extensions.Options;
using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Grains.Market.Hosting;
using TgeSwarm.Grains.Market.Pipeline;
using TgeSwarm.Grains.Market.Windows;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Market.Stages;

/// <summary>
/// Window processing of one instrument across venues. Closed windows are kept in a bounded ring for reads. When the
/// engine's pending results are full they are taken and the update offered again; one still refused is counted,
/// not waited for, because waiting here would stall the feature stream the cache reads too.
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
            // A full engine has results waiting: take them and offer the update once more before counting it refused.
            if (!_engine.OnFeatures(update) && (TakeClosed() == 0 || !_engine.OnFeatures(update)))
            {
                _counters.Drop("backpressure");
            }

            instruments.Handled(MarketStages.Windows, update.Snapshot.Venue, 1);
        }

        _counters.Batches++;
        _counters.EventsIn += updates.Count;
        TakeClosed();
        return Task.CompletedTask;
    }

    private int TakeClosed()
    {
        var closed = _engine.TakeClosed();
        foreach (var window in closed)
        {
            _counters.EventsOut++;
            _recent.Enqueue(window);
            if (_recent.Count > options.Value.RecentWindowsKept)
            {
                _recent.Dequeue();
            }
        }

        return closed.Count;
    }
}
