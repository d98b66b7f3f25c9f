using Microsoft.Extensions.Options;
using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Grains.Market.Features;
using TgeSwarm.Grains.Market.Pipeline;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Market.Stages;

/// <summary>
/// Computes the features of one instrument on one venue from its normalised events and publishes one update per
/// turn (not per event) on the instrument's feature stream, which every venue of that instrument shares.
/// </summary>
[ImplicitStreamSubscription(MarketStreamNames.Normalized)]
internal sealed class FeatureGrain(IOptions<FeatureOptions> options, MarketInstruments instruments) : Grain, IFeatureGrain
{
    private FeatureEngine _engine = null!;
    private StageCounters _counters = null!;
    private IAsyncStream<FeatureUpdate> _output = null!;
    private FeatureSnapshot? _latest;
    private string _venue = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var (venue, instrument) = MarketStreamNames.ParseInstrumentKey(key);
        _venue = venue;
        _engine = new FeatureEngine(venue, instrument, options.Value);
        _counters = new StageCounters(MarketStages.Features, key);
        var provider = this.GetStreamProvider(MarketStreamNames.Provider);
        _output = provider.GetStream<FeatureUpdate>(StreamId.Create(MarketStreamNames.Features, instrument));
        await provider.GetStream<MarketBatch>(StreamId.Create(MarketStreamNames.Normalized, key)).SubscribeBatchAsync(OnBatchesAsync);
    }

    public Task<FeatureSnapshot?> GetSnapshotAsync(CancellationToken cancellationToken) => Task.FromResult(_latest);

    public Task<StageStatistics> GetStatisticsAsync(CancellationToken cancellationToken) => Task.FromResult(_counters.Snapshot());

    private async Task OnBatchesAsync(IReadOnlyList<MarketBatch> batches, StreamSequenceToken? token)
    {
        var totals = new BatchTotals();
        foreach (var batch in batches)
        {
            totals.Add(batch);
            foreach (var trade in batch.Trades)
            {
                _engine.OnTrade(trade);
            }

            foreach (var book in batch.Books)
            {
                _engine.OnBook(book);
            }
        }

        _counters.Batches += batches.Count;
        _counters.EventsIn += totals.Events;
        instruments.Handled(MarketStages.Features, _venue, totals.Events);
        if (_engine.TakeUpdate(totals.ReceivedAt, totals.Frames) is not { } update)
        {
            return;
        }

        _latest = update.Snapshot;
        _counters.EventsOut++;
        await _output.OnNextAsync(update);
    }
}
