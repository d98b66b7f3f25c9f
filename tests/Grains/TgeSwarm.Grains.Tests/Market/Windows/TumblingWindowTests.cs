using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Grains.Market.Windows;
using static TgeSwarm.Grains.Tests.Market.Windows.WindowInputs;

namespace TgeSwarm.Grains.Tests.Market.Windows;

public sealed class TumblingWindowTests
{
    [Fact]
    public void A_window_is_emitted_once_the_watermark_reaches_its_end()
    {
        var engine = new WindowEngine(Instrument, Options(tumbling: Seconds(60), lateness: Seconds(5)));
        Assert.Empty(Feed(engine, Update("okx", Bar("okx", 0, 100m, 103m, 99m, 101m, 2m, 3), Bar("okx", 10, 101m, 105m, 100m, 104m, 1m, 2))));
        Assert.Empty(Feed(engine, Update("okx", Bar("okx", 59, 104m, 104m, 97m, 98m, 3m, 1))));

        // Newest 64 s: watermark 59 s, short of the end.
        Assert.Empty(Feed(engine, Update("okx", Bar("okx", 64, 98m))));
        Assert.Equal(At(59), engine.Watermark);

        var emitted = Assert.Single(Feed(engine, Update("okx", Bar("okx", 65, 99m))));
        var quote = (2m * 101m) + (1m * 102.5m) + (3m * 100.5m);
        Assert.Equal(
            new WindowResult(Instrument, WindowKind.Tumbling, "tumbling-60s", At(0), At(60), 0, 3, 6, 100m, 105m, 97m, 98m, 6m, quote, emitted.Venues),
            emitted);
        Assert.Equal(new[] { "okx" }, emitted.Venues);
        Assert.Equal(quote / 6m, emitted.Vwap);
        Assert.Equal(1, engine.Statistics.OpenWindows);
    }

    [Fact]
    public void Bars_of_several_venues_aggregate_the_same_whatever_order_they_arrive_in()
    {
        var binance = Update("binance", Bar("binance", 0, 10m, 12m, 9m, 11m), Bar("binance", 30, 11m, 11m, 10m, 10.5m));
        var okx = Update("okx", Bar("okx", 0, 10.2m, 13m, 10m, 10.4m, 2m), Bar("okx", 30, 10.4m, 10.6m, 8m, 10.1m));
        var closer = Update("okx", Bar("okx", 90, 10m));

        // Lateness 30 s: the second venue's bars are on time in either order.
        var one = Feed(new WindowEngine(Instrument, Options(tumbling: Seconds(60), lateness: Seconds(30))), binance, okx, closer);
        var other = Feed(new WindowEngine(Instrument, Options(tumbling: Seconds(60), lateness: Seconds(30))), okx, binance, closer);

        var window = Assert.Single(one);
        Assert.Equal((10m, 10.5m, 13m, 8m, 5m, 4), (window.First, window.Last, window.High, window.Low, window.Volume, window.BarCount));
        Assert.Equal(new[] { "binance", "okx" }, window.Venues);
        var again = Assert.Single(other);
        Assert.Equal(window.Venues, again.Venues);
        Assert.Equal(window, again with { Venues = window.Venues });
    }

    [Fact]
    public void Windows_without_bars_are_not_emitted()
    {
        var engine = new WindowEngine(Instrument, Options(tumbling: Seconds(60)));
        var results = Feed(engine, Update("okx", Bar("okx", 5, 1m)), Update("okx", Bar("okx", 185, 2m)), Update("okx", Bar("okx", 250, 3m)));
        Assert.Equal(new[] { (At(0), At(60)), (At(180), At(240)) }, results.Select(r => (r.Start, r.End)));
    }

    [Fact]
    public void Bars_of_other_intervals_in_an_update_are_ignored()
    {
        var engine = new WindowEngine(Instrument, Options(tumbling: Seconds(60)));
        var minute = new Bar("okx", Instrument, 60, At(0), 1m, 1m, 1m, 1m, 50m, 50m, 9);
        var results = Feed(engine, Update("okx", Bar("okx", 0, 1m), minute), Update("okx", Bar("okx", 60, 1m)));
        Assert.Equal(1, Assert.Single(results).BarCount);
        Assert.Equal(2, engine.Statistics.BarsAccepted);
    }

    [Fact]
    public void A_bar_a_venue_sends_again_is_skipped_and_counted()
    {
        var engine = new WindowEngine(Instrument, Options(tumbling: Seconds(60)));
        var results = Feed(engine, Update("okx", Bar("okx", 0, 1m), Bar("okx", 1, 1m)), Update("okx", Bar("okx", 1, 1m)), Update("okx", Bar("okx", 60, 1m)));
        Assert.Equal(2, Assert.Single(results).BarCount);
        Assert.Equal(1, engine.Statistics.DuplicateBars);
    }

    [Fact]
    public void An_update_of_another_instrument_is_refused()
    {
        var engine = new WindowEngine("ETH-USDT", Options(tumbling: Seconds(60)));
        Assert.Throws<ArgumentException>(() => engine.OnFeatures(Update("okx", Bar("okx", 0, 1m))));
    }
}
