using Microsoft.Extensions.Options;
using TgeSwarm.Feeds;
using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Grains.Market.Hosting;
using TgeSwarm.Grains.Market.Pipeline;
using TgeSwarm.Grains.Market.Transform;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Market.Stages;

/// <summary>
/// Normalises one venue's valid events, drops trades seen before (a venue resends after reconnects, a replay
/// duplicates frames) and splits them into one batch per instrument for the feature grains.
/// </summary>
[ImplicitStreamSubscription(MarketStreamNames.Valid)]
internal sealed class TransformGrain(IOptions<MarketPipelineOptions> options, MarketInstruments instruments) : Grain, ITransformGrain
{
    private readonly Dictionary<string, IAsyncStream<MarketBatch>> _outputs = new(StringComparer.Ordinal);
    private readonly List<Task> _sends = [];
    private TradeDeduplicator _deduplicator = null!;
    private MarketTransformer _transformer = null!;
    private StageCounters _counters = null!;
    private IStreamProvider _provider = null!;
    private string _venue = null!;
    private long _missingTimestamps;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _venue = this.GetPrimaryKeyString();
        _provider = this.GetStreamProvider(MarketStreamNames.Provider);
        _deduplicator = new TradeDeduplicator(options.Value.DedupCapacityPerInstrument);
        _transformer = new MarketTransformer();
        _counters = new StageCounters(MarketStages.Transform, _venue);
        await _provider.GetStream<MarketBatch>(StreamId.Create(MarketStreamNames.Valid, _venue)).SubscribeBatchAsync(OnBatchesAsync);
    }

    public Task<StageStatistics> GetStatisticsAsync(CancellationToken cancellationToken) => Task.FromResult(_counters.Snapshot());

    private async Task OnBatchesAsync(IReadOnlyList<MarketBatch> batches, StreamSequenceToken? token)
    {
        var totals = new BatchTotals();
        var duplicates = 0L;
        foreach (var batch in batches)
        {
            totals.Add(batch);
            foreach (var trade in batch.Trades)
            {
                if (_deduplicator.IsNew(trade))
                {
                    _transformer.Add(trade);
                }
                else
                {
                    duplicates++;
                }
            }

            foreach (var book in batch.Books)
            {
                _transformer.Add(book);
            }
        }

        var venue = batches[0].Venue;
        var frames = totals.Frames;
        var outgoing = 0L;
        foreach (var group in _transformer.Drain())
        {
            // Frames are attributed to one instrument's batch only, so the frames counted downstream add up to those read.
            var batch = new MarketBatch(venue, group.Trades, group.Books, totals.ReceivedAt, frames);
            frames = 0;
            outgoing += batch.Count;
            _sends.Add(Output(group.Instrument).OnNextAsync(batch));
        }

        _counters.Batches += batches.Count;
        _counters.EventsIn += totals.Events;
        _counters.EventsOut += outgoing;
        if (duplicates > 0)
        {
            _counters.Drop("duplicate", duplicates);
        }

        if (_transformer.MissingTimestamps > _missingTimestamps)
        {
            _counters.Drop("missing_timestamp", _transformer.MissingTimestamps - _missingTimestamps);
            _missingTimestamps = _transformer.MissingTimestamps;
        }

        instruments.Handled(MarketStages.Transform, _venue, totals.Events);
        try
        {
            await Task.WhenAll(_sends);
        }
        finally
        {
            _sends.Clear();
        }
    }

    private IAsyncStream<MarketBatch> Output(string instrument)
    {
        if (!_outputs.TryGetValue(instrument, out var stream))
        {
            stream = _provider.GetStream<MarketBatch>(StreamId.Create(MarketStreamNames.Normalized, MarketStreamNames.InstrumentKey(_venue, instrument)));
            _outputs.Add(instrument, stream);
        }

        return stream;
    }
}
