using System.Diagnostics;
using TgeSwarm.Grains.Interfaces.Tge;

namespace TgeSwarm.Bench.Benchmarks.Tge;

/// <summary>
/// Times every notice on <c>tge.events</c> as it reaches a subscriber, and notes when the poll that read each item on
/// <c>tge.raw</c> started (notices carry an item's SeenAt, after fetch and parse, but not its poll's start).
/// Explicit subscriptions, not implicit ones: an implicit subscriber in the bench assembly would be a consumer on
/// every silo of this process, the throughput figure's included, and add deliveries to what that figure measures.
/// The activation stays for the run (idle collection takes 15 min), so its handlers need no resuming.
/// </summary>
internal sealed class TgeDetectionProbeGrain(DetectionProbe probe, TimeProvider time) : Grain, ITgeDetectionProbeGrain
{
    public async Task<string> WatchAsync(IReadOnlyList<string> sourceIds, CancellationToken cancellationToken)
    {
        var streams = this.GetStreamProvider(TgeStreamNames.Provider);
        await streams.GetStream<TgeEventNotice>(StreamId.Create(TgeStreamNames.Events, TgeStreamNames.EventsKey)).SubscribeBatchAsync(OnNoticesAsync);
        foreach (var sourceId in sourceIds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await streams.GetStream<TgeItem>(StreamId.Create(TgeStreamNames.Raw, sourceId)).SubscribeBatchAsync(OnItemsAsync);
        }

        return RuntimeIdentity;
    }

    private Task OnNoticesAsync(IReadOnlyList<TgeEventNotice> notices, StreamSequenceToken token)
    {
        var timestamp = Stopwatch.GetTimestamp();
        var arrivedAt = time.GetUtcNow();
        if (probe.Log is { } log)
        {
            foreach (var notice in notices)
            {
                // The newest sighting is the one this notice is about (the only one of a created record).
                var sighting = notice.Event.Sightings[^1];
                log.Detected(notice.Event.Symbol, new Detection(sighting.SourceId, sighting.ItemId, sighting.SeenAt, arrivedAt, timestamp));
            }
        }

        return Task.CompletedTask;
    }

    private Task OnItemsAsync(IReadOnlyList<TgeItem> items, StreamSequenceToken token)
    {
        if (probe.Log is { } log)
        {
            foreach (var item in items)
            {
                log.Polled(item.SourceId, item.ItemId, item.PolledAt);
            }
        }

        return Task.CompletedTask;
    }
}
