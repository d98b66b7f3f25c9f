using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TgeSwarm.Feeds;
using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Grains.Market.Pipeline;
using TgeSwarm.Grains.Market.Validation;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Market.Stages;

/// <summary>
/// Checks every event of one venue. The batches a turn receives are merged into one valid batch, so the stages
/// after it pay one stream event per turn however finely ingestion batched; rejects go out with their reason.
/// <para>
/// Beside the stream, off its hot path, the grain keeps the price check's baselines in the memory coordinator
/// (<see cref="AnomalyFindings"/>): a timer shares what each instrument learned, and a new activation reads them back
/// beside its subscription, so a venue coming back after a lost silo or an idle collection checks its first trades
/// instead of taking a warm-up's worth unchecked, just when a reconnecting feed is likeliest to send garbage.
/// </para>
/// </summary>
[ImplicitStreamSubscription(MarketStreamNames.Raw)]
internal sealed partial class ValidationGrain(
    IOptions<MarketValidationOptions> options, TimeProvider time, MarketInstruments instruments, ILogger<ValidationGrain> logger)
    : Grain, IValidationGrain
{
    private readonly List<Trade> _trades = new(1024);
    private readonly List<BookUpdate> _books = new(256);
    private readonly List<MarketReject> _rejects = [];
    private readonly HashSet<string> _reasonsLogged = new(StringComparer.Ordinal);
    private MarketValidator _validator = null!;
    private StageCounters _counters = null!;
    private IAsyncStream<MarketBatch> _valid = null!;
    private IAsyncStream<MarketReject> _rejected = null!;
    private string _venue = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var venue = _venue = this.GetPrimaryKeyString();
        var provider = this.GetStreamProvider(MarketStreamNames.Provider);
        _validator = new MarketValidator(options.Value, time);

        StartSharing();
        StartRecall();
        _counters = new StageCounters(MarketStages.Validation, venue);
        _valid = provider.GetStream<MarketBatch>(StreamId.Create(MarketStreamNames.Valid, venue));
        _rejected = provider.GetStream<MarketReject>(StreamId.Create(MarketStreamNames.Rejected, venue));
        await provider.GetStream<MarketBatch>(StreamId.Create(MarketStreamNames.Raw, venue)).SubscribeBatchAsync(OnBatchesAsync);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Ends the recall and a write loop still out: nothing they would hand over is read any more.
        _deactivating.Cancel();
        return Task.CompletedTask;
    }

    public Task<StageStatistics> GetStatisticsAsync(CancellationToken cancellationToken) => Task.FromResult(_counters.Snapshot());

    private async Task OnBatchesAsync(IReadOnlyList<MarketBatch> batches, StreamSequenceToken? token)
    {
        if (!_recalled.IsEmpty)
        {
            SeedRecalled();
        }

        var totals = new BatchTotals();
        foreach (var batch in batches)
        {
            totals.Add(batch);
            foreach (var trade in batch.Trades)
            {
                if (_validator.TryValidate(trade, out var reason, out var detail))
                {
                    _trades.Add(trade);
                }
                else
                {
                    Reject(MarketRejects.Of(trade, reason, detail));
                }
            }

            foreach (var book in batch.Books)
            {
                if (_validator.TryValidate(book, out var reason, out var detail))
                {
                    _books.Add(book);
                }
                else
                {
                    Reject(MarketRejects.Of(book, reason, detail));
                }
            }
        }

        // A lone batch that passed whole goes on as it is (batches are immutable): no copy of its arrays, no new batch.
        var venue = batches[0].Venue;
        var valid = batches.Count == 1 && _rejects.Count == 0
            ? batches[0]
            : new MarketBatch(venue, [.. _trades], [.. _books], totals.ReceivedAt, totals.Frames);
        _trades.Clear();
        _books.Clear();
        _counters.Batches += batches.Count;
        _counters.EventsIn += totals.Events;
        _counters.EventsOut += valid.Count;
        instruments.Handled(MarketStages.Validation, VenueNames.Name(venue), totals.Events);
        if (_rejects.Count > 0)
        {
            var rejects = _rejects.ToArray();
            _rejects.Clear();
            await _rejected.OnNextBatchAsync(rejects);
        }

        if (valid.Count > 0)
        {
            await _valid.OnNextAsync(valid);
        }
    }

    private void Reject(MarketReject reject)
    {
        _rejects.Add(reject);
        _counters.Drop(reject.Reason);
        instruments.Rejected(reject.Venue, reject.Reason);
        if (_reasonsLogged.Add(reject.Reason))
        {
            // The first of each reason is logged in full; the rest are counted (metrics, statistics) and kept on market.rejected.
            Log.FirstReject(logger, reject.Venue, reject.Reason, reject.Instrument, reject.Detail);
        }
        else
        {
            Log.Reject(logger, reject.Venue, reject.Reason, reject.Instrument, reject.Detail);
        }
    }
}
