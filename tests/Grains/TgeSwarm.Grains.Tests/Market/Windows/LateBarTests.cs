using TgeSwarm.Grains.Market.Windows;
using static TgeSwarm.Grains.Tests.Market.Windows.WindowInputs;

namespace TgeSwarm.Grains.Tests.Market.Windows;

public sealed class LateBarTests
{
    [Fact]
    public void A_bar_out_of_order_but_within_the_allowed_lateness_lands_in_its_window()
    {
        var engine = new WindowEngine(Instrument, Options(tumbling: Seconds(60), lateness: Seconds(5)));

        // Newest 62 s, watermark 57 s: okx's 58 s bar is on time and [0, 60) has not been emitted yet.
        Feed(engine, Update("binance", Bar("binance", 10, 1m), Bar("binance", 62, 1m)));
        Feed(engine, Update("okx", Bar("okx", 58, 2m)));
        var window = Assert.Single(Feed(engine, Update("binance", Bar("binance", 65, 1m))));
        Assert.Equal((2, 1m, 2m, 0), (window.BarCount, window.First, window.Last, window.Revision));
        Assert.Equal(0, engine.Statistics.LateDropped);
    }

    [Fact]
    public void Under_Drop_a_bar_older_than_the_watermark_is_dropped_and_counted()
    {
        var engine = new WindowEngine(Instrument, Options(tumbling: Seconds(60), lateness: Seconds(5)));
        var first = Assert.Single(Feed(engine, Update("binance", Bar("binance", 10, 1m), Bar("binance", 70, 1m))));
        Assert.Equal(1, first.BarCount);

        // Watermark 65 s: okx's 64 s bar is late (its window [60, 120) is still open, but the policy is by time).
        Assert.Empty(Feed(engine, Update("okx", Bar("okx", 30, 2m), Bar("okx", 64, 2m))));
        var statistics = engine.Statistics;
        Assert.Equal((2L, 0L, 0L, 2L), (statistics.LateDropped, statistics.LateApplied, statistics.ReEmitted, statistics.BarsAccepted));
        Assert.Equal(0, statistics.RetainedWindows);

        var next = Assert.Single(Feed(engine, Update("binance", Bar("binance", 125, 1m))));
        Assert.Equal((At(60), 1), (next.Start, next.BarCount));
    }

    [Fact]
    public void Under_UpdateAndReemit_a_late_bar_within_the_horizon_re_emits_its_window()
    {
        var engine = new WindowEngine(Instrument, Options(tumbling: Seconds(60), lateness: Seconds(5), policy: LatePolicy.UpdateAndReemit, horizon: Seconds(60)));
        var original = Assert.Single(Feed(engine, Update("binance", Bar("binance", 10, 1m, volume: 1m), Bar("binance", 70, 1m))));
        Assert.Equal(1, engine.Statistics.RetainedWindows);

        var revised = Assert.Single(Feed(engine, Update("okx", Bar("okx", 30, 4m, volume: 3m))));
        Assert.Equal(original with { Revision = 1, BarCount = 2, TradeCount = 2, High = 4m, Last = 4m, Volume = 4m, QuoteVolume = 13m, Venues = revised.Venues }, revised);
        Assert.Equal(new[] { "binance", "okx" }, revised.Venues);
        var statistics = engine.Statistics;
        Assert.Equal((1L, 1L, 0L, 2L), (statistics.LateApplied, statistics.ReEmitted, statistics.LateDropped, statistics.Emitted));
    }

    [Fact]
    public void Under_UpdateAndReemit_a_bar_beyond_the_horizon_is_dropped_and_old_windows_are_released()
    {
        var engine = new WindowEngine(Instrument, Options(tumbling: Seconds(60), policy: LatePolicy.UpdateAndReemit, horizon: Seconds(60)));
        Feed(engine, Update("binance", Bar("binance", 10, 1m), Bar("binance", 70, 1m), Bar("binance", 121, 1m)));
        Assert.Equal((1, 1), (engine.Statistics.RetainedWindows, engine.Statistics.OpenWindows));

        // Watermark 121 s, horizon 60 s: 61 s and later may still update; 59 s may not.
        Assert.Empty(Feed(engine, Update("okx", Bar("okx", 59, 2m))));
        var revised = Assert.Single(Feed(engine, Update("bybit", Bar("bybit", 61, 2m))));
        Assert.Equal((At(60), 1, 2), (revised.Start, revised.Revision, revised.BarCount));
        Assert.Equal((1L, 1L), (engine.Statistics.LateDropped, engine.Statistics.LateApplied));

        // [60, 120) is kept while the watermark is within its end + the horizon (179 s), released beyond.
        Feed(engine, Update("binance", Bar("binance", 179, 1m)));
        Assert.Equal((1, 1), (engine.Statistics.RetainedWindows, engine.Statistics.OpenWindows));
        var closed = Assert.Single(Feed(engine, Update("binance", Bar("binance", 300, 1m))));
        Assert.Equal(At(120), closed.Start);
        Assert.Equal((0, 1), (engine.Statistics.RetainedWindows, engine.Statistics.OpenWindows));
    }
}
