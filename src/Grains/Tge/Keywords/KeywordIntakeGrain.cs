using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Tge.Keywords;

/// <summary>
/// The <c>tge.raw</c> consumer of one source. Stateless workers cannot be implicit stream subscribers (the runtime
/// delivers a stream to one addressable activation), so this small grain takes the source's batches and hands each
/// to a keyword worker, awaiting it: the next batch of the source waits, which keeps the source's order and passes
/// backpressure from the candidate streams back to the raw stream. A failed batch is counted, logged and rethrown,
/// so the stream provider's own policy applies (memory streams drop and count it; PostgreSQL streams retry it).
/// A silo that hosts this assembly's grains without the keyword stage (no <c>AddTgeDetection</c>, e.g. one that runs
/// only the sources) drops the items with one warning per activation instead of failing every batch.
/// </summary>
[ImplicitStreamSubscription(TgeStreamNames.Raw)]
internal sealed partial class KeywordIntakeGrain(ILogger<KeywordIntakeGrain> logger) : Grain, IKeywordIntakeGrain
{
    private string _source = "";
    private long _batches;
    private long _items;
    private long _candidates;
    private long _failed;
    private bool _detection;
    private bool _warned;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _source = this.GetPrimaryKeyString();
        _detection = ServiceProvider.GetService<TgeKeywordStage>() is not null;
        await this.GetStreamProvider(TgeStreamNames.Provider)
            .GetStream<TgeItem>(StreamId.Create(TgeStreamNames.Raw, _source))
            .SubscribeBatchAsync(OnItemsAsync);
    }

    public Task<TgeIntakeStatistics> GetStatisticsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new TgeIntakeStatistics(_source, _batches, _items, _candidates, _failed));

    private async Task OnItemsAsync(IReadOnlyList<TgeItem> items, StreamSequenceToken token)
    {
        _batches++;
        _items += items.Count;
        if (!_detection)
        {
            _failed += items.Count;
            if (!_warned)
            {
                _warned = true;
                Log.NoDetection(logger, _source, items.Count);
            }

            return;
        }

        try
        {
            _candidates += await GrainFactory.GetGrain<IKeywordGrain>(0).ProcessAsync(items, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _failed += items.Count;
            Log.BatchFailed(logger, exception, _source, items.Count);
            throw;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = TgeDetectionEventIds.KeywordBatchFailed, Level = LogLevel.Error, Message = "Keyword stage failed on a batch of {Items} items from source {Source}")]
        public static partial void BatchFailed(ILogger logger, Exception exception, string source, int items);

        [LoggerMessage(EventId = TgeDetectionEventIds.KeywordNotAdded, Level = LogLevel.Warning, Message = "Items of source {Source} reached tge.raw on a silo without TGE detection (AddTgeDetection): {Items} dropped, and later batches of this activation are only counted (intake statistics, Failed)")]
        public static partial void NoDetection(ILogger logger, string source, int items);
    }
}
