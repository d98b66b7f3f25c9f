using TgeSwarm.Grains.Market.Features;
using static TgeSwarm.Grains.Tests.Market.Features.MarketInputs;

namespace TgeSwarm.Grains.Tests.Market.Features;

public sealed class FeatureEngineTests
{
    [Fact]
    public void Take_returns_null_until_an_input_arrives_and_each_closed_bar_once()
    {
        var engine = new FeatureEngine("binance", "BTC-USDT", new FeatureOptions());
        Assert.Null(engine.TakeUpdate());

        engine.OnTrade(Trade(T0, 100m));
        var first = engine.TakeUpdate()!;
        Assert.Empty(first.ClosedBars);
        Assert.Equal(("binance", "BTC-USDT", T0, 100m, 1L), (first.Snapshot.Venue, first.Snapshot.Instrument, first.Snapshot.Timestamp, first.Snapshot.LastPrice, first.Snapshot.TradeCount));
        Assert.Null(engine.TakeUpdate());

        engine.OnTrade(Trade(T0 + Second, 101m));
        engine.OnTrade(Trade(T0 + (61 * Second), 102m));
        var second = engine.TakeUpdate()!;
        Assert.Equal(
            new[] { (1, T0, 100m), (1, T0 + Second, 101m), (60, T0, 101m) },
            second.ClosedBars.Select(b => (b.IntervalSeconds, b.OpenTime, b.Close)));
        Assert.Null(engine.TakeUpdate());
    }

    [Fact]
    public void Rsi_over_minute_bars_equals_the_values_StockCharts_publishes()
    {
        var closes = StockChartsRsiSample.Closes();
        var (expected, tolerance) = StockChartsRsiSample.ExpectedRsi14();
        var engine = new FeatureEngine("binance", "BTC-USDT", new FeatureOptions());
        var produced = new List<double>();
        for (var i = 0; i <= closes.Length; i++)
        {
            // A trade of the next minute closes bar i − 1; the last one only closes.
            engine.OnTrade(Trade(T0 + (i * 60 * Second) + 123, i < closes.Length ? (decimal)closes[i] : 1m));
            if (engine.TakeUpdate()!.Snapshot.Rsi is { } rsi && i > 0)
            {
                produced.Add(rsi);
            }
        }

        Assert.Equal(expected.Length, produced.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(Math.Round(produced[i], 2, MidpointRounding.AwayFromZero) - expected[i]) < tolerance / 2, $"index {14 + i}: {produced[i]} vs {expected[i]}");
        }
    }

    [Fact]
    public void Macd_over_minute_bars_equals_an_independent_talib_computation()
    {
        var closes = StockChartsRsiSample.ExtendedCloses(120);
        var (line, signal, histogram) = TaLibMacdReference.Compute(closes, 12, 26, 9);
        var engine = new FeatureEngine("okx", "BTC-USDT", new FeatureOptions());
        engine.OnTrade(Trade(T0, (decimal)closes[0]));
        for (var i = 1; i <= closes.Length; i++)
        {
            engine.OnTrade(Trade(T0 + (i * 60 * Second), i < closes.Length ? (decimal)closes[i] : 1m));
            var snapshot = engine.TakeUpdate()!.Snapshot;
            var closed = i - 1;
            Assert.Equal(!double.IsNaN(line[closed]), snapshot.Macd.HasValue);
            if (snapshot.Macd is { } macd)
            {
                Assert.Equal(line[closed], macd, 10);
                Assert.Equal(signal[closed], snapshot.MacdSignal!.Value, 10);
                Assert.Equal(histogram[closed], snapshot.MacdHistogram!.Value, 10);
            }
            else
            {
                Assert.Null(snapshot.MacdSignal);
                Assert.Null(snapshot.MacdHistogram);
            }
        }
    }

    [Fact]
    public void Vwap_returns_and_volatility_equal_loops_written_from_their_definitions()
    {
        const int window = 10;
        var engine = new FeatureEngine("bybit", "BTC-USDT", new FeatureOptions { VolatilityWindowBars = window });
        var trades = SyntheticTrades(seconds: 150);

        var quote = 0m;
        var volume = 0m;
        var closesBySecond = new SortedDictionary<long, decimal>();
        var barVwaps = new Dictionary<long, (decimal Quote, decimal Volume)>();
        var checkedBars = 0;
        foreach (var (second, price, size) in trades)
        {
            engine.OnTrade(Trade(T0 + (second * Second) + 1000, price, size));
            var update = engine.TakeUpdate()!;

            quote += price * size;
            volume += size;
            Assert.Equal(quote / volume, update.Snapshot.Vwap);
            Assert.Equal(volume, update.Snapshot.SessionVolume);

            foreach (var bar in update.ClosedBars.Where(b => b.IntervalSeconds == 1))
            {
                var (q, v) = barVwaps[(bar.OpenTime - T0) / Second];
                Assert.Equal(q / v, bar.Vwap);
                checkedBars++;

                // Expected return and volatility as of this bar, from the closes of the bars closed so far.
                var closedSeconds = closesBySecond.Keys.Where(s => s <= (bar.OpenTime - T0) / Second).ToList();
                var returns = new List<(long Second, double Return)>();
                for (var i = 1; i < closedSeconds.Count; i++)
                {
                    returns.Add((closedSeconds[i], Math.Log((double)closesBySecond[closedSeconds[i]] / (double)closesBySecond[closedSeconds[i - 1]])));
                }

                var newest = closedSeconds[^1];
                var sumOfSquares = 0.0;
                foreach (var (s, r) in returns)
                {
                    if (s > newest - window)
                    {
                        sumOfSquares += r * r;
                    }
                }

                Assert.Equal(returns.Count == 0 ? 0 : returns[^1].Return, update.Snapshot.LogReturn, 12);
                Assert.Equal(Math.Sqrt(sumOfSquares), update.Snapshot.RealizedVolatility, 12);
            }

            closesBySecond[second] = price;
            barVwaps[second] = barVwaps.TryGetValue(second, out var sums) ? (sums.Quote + (price * size), sums.Volume + size) : (price * size, size);
        }

        Assert.Equal(closesBySecond.Count - 1, checkedBars);
    }

    [Fact]
    public void Spread_mid_and_imbalance_come_from_the_last_book_top()
    {
        var engine = new FeatureEngine("kraken", "BTC-USD", new FeatureOptions());
        engine.OnTrade(Trade(T0, 100m));
        var noBook = engine.TakeUpdate()!.Snapshot;
        Assert.Equal((0m, 0m, 0m, 0m), (noBook.BestBid, noBook.BestAsk, noBook.Spread, noBook.Mid));
        Assert.Null(noBook.BookImbalance);

        engine.OnBook(Book(T0 + 5, 99.5m, 1m, 100.5m, 2m, bidDepth: 3m, askDepth: 1m));
        var book = engine.TakeUpdate()!.Snapshot;
        Assert.Equal((99.5m, 100.5m, 1m, 100m), (book.BestBid, book.BestAsk, book.Spread, book.Mid));
        Assert.Equal(0.5, book.BookImbalance);
        Assert.Equal(T0 + 5, book.Timestamp);

        // One side empty: no spread or mid; an earlier book time does not move the timestamp back.
        engine.OnBook(Book(T0 + 1, 0m, 0m, 100.5m, 2m, bidDepth: 0m, askDepth: 2m));
        var oneSided = engine.TakeUpdate()!.Snapshot;
        Assert.Equal((0m, 100.5m, 0m, 0m), (oneSided.BestBid, oneSided.BestAsk, oneSided.Spread, oneSided.Mid));
        Assert.Equal(-1.0, oneSided.BookImbalance);
        Assert.Equal(T0 + 5, oneSided.Timestamp);

        engine.OnBook(Book(T0 + 6, 0m, 0m, 0m, 0m, 0m, 0m));
        Assert.Null(engine.TakeUpdate()!.Snapshot.BookImbalance);
    }

    [Fact]
    public void A_late_trade_is_counted_and_folded_without_moving_the_last_price()
    {
        var engine = new FeatureEngine("coinbase", "BTC-USD", new FeatureOptions());
        engine.OnTrade(Trade(T0 + (2 * Second), 100m, 1m));
        engine.OnTrade(Trade(T0 + (3 * Second), 101m, 1m));
        engine.OnTrade(Trade(T0 + Second, 90m, 2m));
        var snapshot = engine.TakeUpdate()!.Snapshot;
        Assert.Equal((101m, 3L, 1L, T0 + (3 * Second)), (snapshot.LastPrice, snapshot.TradeCount, snapshot.LateTrades, snapshot.Timestamp));
        Assert.Equal((100m + 101m + 180m) / 4m, snapshot.Vwap);
        Assert.Equal(1, engine.LateTrades);

        engine.OnTrade(Trade(T0 + (4 * Second), 102m, 1m));
        var folded = engine.TakeUpdate()!.ClosedBars.Single(b => b.OpenTime == T0 + (3 * Second));
        Assert.Equal((101m, 101m, 90m, 101m, 3m, 2), (folded.Open, folded.High, folded.Low, folded.Close, folded.Volume, folded.TradeCount));
    }

    [Fact]
    public void A_trade_older_than_the_tolerance_is_dropped_from_every_figure_and_counted()
    {
        var engine = new FeatureEngine("coinbase", "BTC-USD", new FeatureOptions { LateTradeTolerance = TimeSpan.FromSeconds(2) });
        engine.OnTrade(Trade(T0 + (10 * Second), 100m, 1m));
        engine.OnTrade(Trade(T0 + (8 * Second), 50m, 1m));
        engine.OnTrade(Trade(T0 + (8 * Second) - 1, 10m, 5m));
        var snapshot = engine.TakeUpdate()!.Snapshot;
        Assert.Equal((2L, 1L, 1L, 75m, 2m), (snapshot.TradeCount, snapshot.LateTrades, snapshot.DroppedTrades, snapshot.Vwap, snapshot.SessionVolume));

        engine.OnTrade(Trade(T0 + (11 * Second), 100m, 1m));
        var bar = engine.TakeUpdate()!.ClosedBars.Single();
        Assert.Equal((50m, 2m, 2), (bar.Low, bar.Volume, bar.TradeCount));
    }

    [Fact]
    public void Keeps_at_most_BarsKept_closed_bars_between_takes()
    {
        var engine = new FeatureEngine("okx", "BTC-USDT", new FeatureOptions { BarsKept = 2 });
        for (var i = 0; i < 5; i++)
        {
            engine.OnTrade(Trade(T0 + (i * Second), 100m + i));
        }

        var bars = engine.TakeUpdate()!.ClosedBars;
        Assert.Equal(new[] { T0 + (2 * Second), T0 + (3 * Second) }, bars.Select(b => b.OpenTime));
        Assert.Equal(2, engine.DroppedBars);
    }

    [Fact]
    public void Another_indicator_interval_builds_and_publishes_its_own_bars()
    {
        var engine = new FeatureEngine("okx", "BTC-USDT", new FeatureOptions { IndicatorBarSeconds = 5, RsiPeriod = 2 });
        double? rsi = null;
        var intervals = new List<int>();
        foreach (var (second, price) in new[] { (0, 10m), (5, 12m), (10, 11m), (15, 14m) })
        {
            engine.OnTrade(Trade(T0 + (second * Second), price));
            var update = engine.TakeUpdate()!;
            rsi = update.Snapshot.Rsi;
            intervals.AddRange(update.ClosedBars.Select(b => b.IntervalSeconds));
        }

        // Closes 10, 12, 11 of three closed 5 s bars: changes +2, −1 → 66.67 (the 15 s bar is still open).
        Assert.Equal(100.0 * 1 / 1.5, rsi!.Value, 12);
        Assert.Equal(new[] { 1, 5, 1, 5, 1, 5 }, intervals);
    }

    [Fact]
    public void Refuses_invalid_options()
    {
        var exception = Assert.Throws<ArgumentException>(() => new FeatureEngine("okx", "BTC-USDT", new FeatureOptions { MacdFastPeriod = 26 }));
        Assert.Contains("MacdSlowPeriod", exception.Message, StringComparison.Ordinal);
    }

    /// <summary>1 to 3 trades in most seconds, none in every seventh, prices wandering, sizes varying.</summary>
    private static List<(long Second, decimal Price, decimal Size)> SyntheticTrades(int seconds)
    {
        var trades = new List<(long, decimal, decimal)>();
        var price = 100m;
        for (var s = 0; s < seconds; s++)
        {
            if (s % 7 == 3)
            {
                continue;
            }

            for (var k = 0; k <= s % 3; k++)
            {
                price += ((s * 7) + (k * 3)) % 11 - 5;
                trades.Add((s, price, 0.1m + ((s + k) % 5 * 0.35m)));
            }
        }

        return trades;
    }
}
