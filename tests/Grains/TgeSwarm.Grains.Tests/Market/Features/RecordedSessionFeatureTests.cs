using TgeSwarm.Feeds;
using TgeSwarm.Feeds.Replay;
using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Grains.Market.Features;

namespace TgeSwarm.Grains.Tests.Market.Features;

/// <summary>
/// Each recorded venue session through its feed into one feature engine per instrument, updates taken every few
/// events as grain turns would. Every closed bar must equal the bar rebuilt here from the trades the feed emitted,
/// by the documented rules (buckets in exchange time, late trades folded into the newest bucket or, beyond the
/// tolerance, dropped), and be internally consistent. Coinbase's session starts with its recent-trades snapshot,
/// newest first, so it exercises both.
/// </summary>
public sealed class RecordedSessionFeatureTests
{
    [Theory]
    [InlineData(Venue.Binance)]
    [InlineData(Venue.Bybit)]
    [InlineData(Venue.Coinbase)]
    [InlineData(Venue.KrakenV1)]
    [InlineData(Venue.Okx)]
    public void Bars_of_a_recorded_session_match_its_trades(Venue venue)
    {
        var sink = new EngineSink();
        using (var session = RecordedSessions.Open(venue))
        {
            new RecordingReplay(venue, sink).Run(session);
        }

        // One more trade an hour after the last closes every bar, so every recorded trade is in a closed bar.
        Assert.True(sink.Trades.Values.Sum(t => t.Count) > 0, $"the {venue} session has no trade");
        foreach (var (key, trades) in sink.Trades)
        {
            if (trades.Count > 0)
            {
                sink.OnTrade(trades[^1] with { Timestamp = trades.Max(t => t.Timestamp) + (3600 * 1_000_000L), TradeId = "closer" });
            }
        }

        sink.TakeAll();
        foreach (var (key, trades) in sink.Trades)
        {
            var engine = sink.Engines[key];
            var bars = sink.Bars[key];
            if (trades.Count == 0)
            {
                // An instrument the session has books of but no trades.
                Assert.Empty(bars);
                continue;
            }

            // Every recorded trade not too late to fold, once, in the closed bars of each interval.
            var (kept, dropped) = Kept(trades, new FeatureOptions().LateTradeTolerance);
            Assert.Equal(dropped, engine.DroppedTrades);
            Assert.Equal(kept.Count, engine.TradeCount);
            foreach (var interval in new[] { 1, 60 })
            {
                var closed = bars.Where(b => b.IntervalSeconds == interval).ToList();
                Assert.Equal(kept.Sum(t => t.Size) - trades[^1].Size, closed.Sum(b => b.Volume));
                Assert.Equal(kept.Count - 1, closed.Sum(b => b.TradeCount));
            }

            var (expectedSeconds, late) = Rebuild(kept, 1);
            Assert.Equal(late, engine.LateTrades);
            Assert.Equal(expectedSeconds, bars.Where(b => b.IntervalSeconds == 1));
            var (expectedMinutes, _) = Rebuild(kept, 60);
            Assert.Equal(expectedMinutes, bars.Where(b => b.IntervalSeconds == 60));

            foreach (var bar in bars)
            {
                Assert.True(bar.Low <= Math.Min(bar.Open, bar.Close) && Math.Max(bar.Open, bar.Close) <= bar.High, $"{bar} is not inside its range");
                Assert.InRange(bar.Vwap, bar.Low, bar.High);
                Assert.True(bar.TradeCount > 0 && bar.Volume > 0, $"{bar} is empty");
            }

            // A closed minute holds exactly the trades of the closed seconds inside it.
            foreach (var minute in bars.Where(b => b.IntervalSeconds == 60))
            {
                var seconds = bars.Where(b => b.IntervalSeconds == 1 && b.OpenTime >= minute.OpenTime && b.OpenTime < minute.EndTime).ToList();
                Assert.Equal(minute.Volume, seconds.Sum(b => b.Volume));
                Assert.Equal(minute.TradeCount, seconds.Sum(b => b.TradeCount));
                Assert.Equal(minute.High, seconds.Max(b => b.High));
                Assert.Equal(minute.Low, seconds.Min(b => b.Low));
            }
        }
    }

    /// <summary>
    /// The trades the engine must keep, in arrival order: a trade more than the tolerance older than the newest 1 s
    /// bucket seen so far is dropped.
    /// </summary>
    private static (List<Trade> Kept, long Dropped) Kept(List<Trade> trades, TimeSpan tolerance)
    {
        var kept = new List<Trade>();
        var newest = long.MinValue;
        foreach (var trade in trades)
        {
            if (newest != long.MinValue && trade.Timestamp < newest - (tolerance.Ticks / 10))
            {
                continue;
            }

            newest = Math.Max(newest, trade.Timestamp - (trade.Timestamp % 1_000_000));
            kept.Add(trade);
        }

        return (kept, trades.Count - kept.Count);
    }

    /// <summary>
    /// The closed bars of one interval rebuilt from the trades in arrival order, written from FEATURES.md rather than
    /// from the engine: a trade belongs to the newest bucket seen so far when its own is older (and then does not set
    /// open or close); the last bucket is still open. Also returns how many trades were late.
    /// </summary>
    private static (List<Bar> Closed, long Late) Rebuild(List<Trade> trades, int intervalSeconds)
    {
        var interval = intervalSeconds * 1_000_000L;
        var buckets = new SortedDictionary<long, Bar>();
        var firstTimes = new Dictionary<long, long>();
        var lastTimes = new Dictionary<long, long>();
        var newest = long.MinValue;
        var late = 0L;
        foreach (var trade in trades)
        {
            var own = trade.Timestamp - (trade.Timestamp % interval);
            newest = Math.Max(newest, own);
            if (own < newest)
            {
                late++;
            }

            var (p, q) = (trade.Price, trade.Size);
            if (!buckets.TryGetValue(newest, out var bar))
            {
                buckets[newest] = new Bar(VenueNames.Name(trade.Venue), trade.Instrument, intervalSeconds, newest, p, p, p, p, q, p * q, 1);
                firstTimes[newest] = trade.Timestamp;
                lastTimes[newest] = trade.Timestamp;
                continue;
            }

            bar = bar with
            {
                High = Math.Max(bar.High, p),
                Low = Math.Min(bar.Low, p),
                Volume = bar.Volume + q,
                QuoteVolume = bar.QuoteVolume + (p * q),
                TradeCount = bar.TradeCount + 1,
            };
            if (own == newest && trade.Timestamp < firstTimes[newest])
            {
                firstTimes[newest] = trade.Timestamp;
                bar = bar with { Open = p };
            }

            if (own == newest && trade.Timestamp >= lastTimes[newest])
            {
                lastTimes[newest] = trade.Timestamp;
                bar = bar with { Close = p };
            }

            buckets[newest] = bar;
        }

        var closed = buckets.Values.ToList();
        closed.RemoveAt(closed.Count - 1);
        return (closed, late);
    }

    private sealed class EngineSink : IMarketEventSink
    {
        private int _events;

        public Dictionary<string, FeatureEngine> Engines { get; } = [];

        public Dictionary<string, List<Trade>> Trades { get; } = [];

        public Dictionary<string, List<Bar>> Bars { get; } = [];

        public void OnTrade(Trade trade)
        {
            var key = Key(trade.Venue, trade.Instrument);
            Engine(key, trade.Venue, trade.Instrument).OnTrade(trade);
            Trades[key].Add(trade);
            Tick();
        }

        public void OnBook(BookUpdate book)
        {
            Engine(Key(book.Venue, book.Instrument), book.Venue, book.Instrument).OnBook(book);
            Tick();
        }

        public void OnResyncRequired(string instrument, string reason)
        {
        }

        public void TakeAll()
        {
            foreach (var (key, engine) in Engines)
            {
                if (engine.TakeUpdate() is { } update)
                {
                    Assert.Equal(engine.TradeCount, update.Snapshot.TradeCount);
                    Bars[key].AddRange(update.ClosedBars);
                }
            }
        }

        private static string Key(Venue venue, string instrument) => $"{VenueNames.Name(venue)}:{instrument}";

        private FeatureEngine Engine(string key, Venue venue, string instrument)
        {
            if (!Engines.TryGetValue(key, out var engine))
            {
                engine = new FeatureEngine(VenueNames.Name(venue), instrument, new FeatureOptions());
                Engines.Add(key, engine);
                Trades.Add(key, []);
                Bars.Add(key, []);
            }

            return engine;
        }

        // Updates are taken every few events, as a grain takes one per turn of a batch.
        private void Tick()
        {
            if (++_events % 50 == 0)
            {
                TakeAll();
            }
        }
    }
}
