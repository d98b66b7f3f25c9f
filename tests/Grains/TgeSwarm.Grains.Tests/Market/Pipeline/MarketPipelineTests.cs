using Microsoft.Extensions.Options;
using TgeSwarm.Feeds;
using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Grains.Market.Features;
using TgeSwarm.Grains.Market.Pipeline;
using TgeSwarm.Grains.Market.Transform;
using TgeSwarm.Grains.Market.Validation;
using TgeSwarm.Grains.Tests.Support;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Tests.Market.Pipeline;

/// <summary>
/// A recorded session published on <c>market.raw</c> in ingestion-sized batches goes through validation,
/// transformation, features, windows and cache grains; what the cache holds must equal what the same stage code
/// computes in a plain loop over the same events.
/// </summary>
public sealed class MarketPipelineTests(MarketPipelineFixture fixture) : IClassFixture<MarketPipelineFixture>
{
    private const int BatchEvents = 100;

    [Theory]
    [InlineData(Venue.Binance)]
    [InlineData(Venue.Bybit)]
    [InlineData(Venue.KrakenV1)]
    [InlineData(Venue.Okx)]
    [InlineData(Venue.Coinbase)]
    public async Task A_recorded_session_through_the_grains_ends_in_the_caches_with_the_features_a_plain_loop_computes(Venue venue)
    {
        var recorded = RecordedEvents.Of(venue);
        var batches = Batch(venue, recorded.InOrder);
        var expected = PlainLoop(venue, batches);
        var venueName = VenueNames.Name(venue);

        var raw = fixture.Cluster.Client.GetStreamProvider(MarketStreamNames.Provider)
            .GetStream<MarketBatch>(StreamId.Create(MarketStreamNames.Raw, venueName));
        foreach (var batch in batches)
        {
            await raw.OnNextAsync(batch);
        }

        foreach (var (instrument, want) in expected.Snapshots)
        {
            var cache = fixture.Cluster.GrainFactory.GetGrain<ICacheGrain>(instrument);
            var got = await Eventually.ReadAsync(
                async () => (await cache.GetLatestAsync(CancellationToken.None)).SingleOrDefault(s => s.Venue == venueName),
                s => s is not null && s.TradeCount == want.TradeCount && s.BestBid == want.BestBid && s.BestAsk == want.BestAsk);
            Assert.Equal(want.LastPrice, got!.LastPrice);
            Assert.Equal(want.Vwap, got.Vwap);
            Assert.Equal(want.SessionVolume, got.SessionVolume);
            Assert.Equal(want.Rsi, got.Rsi);
            Assert.Equal(want.Macd, got.Macd);
            Assert.Equal(want.MacdSignal, got.MacdSignal);
            Assert.Equal(want.RealizedVolatility, got.RealizedVolatility);
            Assert.Equal(want.Spread, got.Spread);
            Assert.Equal(want.BookImbalance, got.BookImbalance);

            var bars = await cache.GetBarsAsync(venueName, 1, 100_000, CancellationToken.None);
            Assert.Equal(expected.SecondBars.Where(b => b.Instrument == instrument).TakeLast(bars.Count), bars);
        }

        var validation = await fixture.Cluster.GrainFactory.GetGrain<IValidationGrain>(venueName).GetStatisticsAsync(CancellationToken.None);
        Assert.Equal(recorded.InOrder.Count, validation.EventsIn);
        Assert.Equal(expected.Rejected, validation.Dropped);

        var transform = await fixture.Cluster.GrainFactory.GetGrain<ITransformGrain>(venueName).GetStatisticsAsync(CancellationToken.None);
        Assert.Equal(expected.Duplicates, transform.Dropped.GetValueOrDefault("duplicate"));
    }

    private static List<MarketBatch> Batch(Venue venue, List<object> events)
    {
        var batches = new List<MarketBatch>();
        foreach (var chunk in events.Chunk(BatchEvents))
        {
            batches.Add(new MarketBatch(venue, [.. chunk.OfType<Trade>()], [.. chunk.OfType<BookUpdate>()], ReceivedAt: 1, Frames: chunk.Length));
        }

        return batches;
    }

    // The stages' code without grains or streams, in the order the grains apply it (a batch's trades, then its books).
    private static Expected PlainLoop(Venue venue, List<MarketBatch> batches)
    {
        var validator = new MarketValidator(new MarketValidationOptions { MaxAge = null, MaxClockSkew = null }, TimeProvider.System);
        var deduplicator = new TradeDeduplicator(new Grains.Market.Hosting.MarketPipelineOptions().DedupCapacityPerInstrument);
        var transformer = new MarketTransformer();
        var engines = new Dictionary<string, FeatureEngine>(StringComparer.Ordinal);
        var expected = new Expected();
        var featureOptions = Options.Create(new FeatureOptions()).Value;
        foreach (var batch in batches)
        {
            foreach (var trade in batch.Trades)
            {
                if (!validator.TryValidate(trade, out _))
                {
                    continue;
                }

                if (deduplicator.IsNew(trade))
                {
                    transformer.Add(trade);
                }
                else
                {
                    expected.Duplicates++;
                }
            }

            foreach (var book in batch.Books)
            {
                if (validator.TryValidate(book, out _))
                {
                    transformer.Add(book);
                }
            }

            foreach (var group in transformer.Drain())
            {
                if (!engines.TryGetValue(group.Instrument, out var engine))
                {
                    engine = new FeatureEngine(VenueNames.Name(venue), group.Instrument, featureOptions);
                    engines.Add(group.Instrument, engine);
                }

                foreach (var trade in group.Trades)
                {
                    engine.OnTrade(trade);
                }

                foreach (var book in group.Books)
                {
                    engine.OnBook(book);
                }

                if (engine.TakeUpdate() is { } update)
                {
                    expected.Snapshots[group.Instrument] = update.Snapshot;
                    expected.SecondBars.AddRange(update.ClosedBars.Where(b => b.IntervalSeconds == 1));
                }
            }
        }

        foreach (var (reason, count) in validator.Statistics.RejectedByReason)
        {
            expected.Rejected[reason] = count;
        }

        return expected;
    }

    private sealed class Expected
    {
        public Dictionary<string, FeatureSnapshot> Snapshots { get; } = new(StringComparer.Ordinal);

        public List<Bar> SecondBars { get; } = [];

        public Dictionary<string, long> Rejected { get; } = new(StringComparer.Ordinal);

        public long Duplicates { get; set; }
    }
}
