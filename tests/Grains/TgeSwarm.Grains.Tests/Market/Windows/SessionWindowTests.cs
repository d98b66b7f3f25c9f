using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Grains.Market.Windows;
using static TgeSwarm.Grains.Tests.Market.Windows.WindowInputs;

namespace TgeSwarm.Grains.Tests.Market.Windows;

public sealed class SessionWindowTests
{
    [Fact]
    public void A_gap_of_at_least_the_session_gap_splits_sessions()
    {
        var engine = new WindowEngine(Instrument, Options(sessionGap: Seconds(30)));

        // Bars 0..10 end at 11 s; 39 s is 28 s later (same session), 80 s is 40 s after 40 s (a new one).
        var first = Feed(engine, Update("kraken", Bar("kraken", 0, 5m), Bar("kraken", 10, 6m), Bar("kraken", 39, 7m)));
        Assert.Empty(first);
        var split = Assert.Single(Feed(engine, Update("kraken", Bar("kraken", 80, 8m))));
        Assert.Equal((WindowKind.Session, "session-30s", At(0), At(40), 3, 5m, 7m), (split.Kind, split.Name, split.Start, split.End, split.BarCount, split.First, split.Last));

        // The second session, extended to 112 s, closes when the watermark reaches 112 + 30; a bar exactly a gap later starts a new one.
        Assert.Empty(Feed(engine, Update("kraken", Bar("kraken", 110, 9m))));
        Assert.Equal(1, engine.Statistics.OpenWindows);
        Assert.Empty(Feed(engine, Update("kraken", Bar("kraken", 111, 9m))));
        var second = Assert.Single(Feed(engine, Update("kraken", Bar("kraken", 142, 9m))));
        Assert.Equal((At(80), At(112), 3), (second.Start, second.End, second.BarCount));
    }

    [Fact]
    public void A_bar_in_the_gap_merges_two_open_sessions()
    {
        var engine = new WindowEngine(Instrument, Options(sessionGap: Seconds(30), lateness: Seconds(100)));
        Assert.Empty(Feed(engine, Update("okx", Bar("okx", 0, 1m), Bar("okx", 10, 2m), Bar("okx", 50, 3m))));
        Assert.Equal(2, engine.Statistics.OpenWindows);

        // Another venue's bar at 30 s is 19 s from both: one session.
        Assert.Empty(Feed(engine, Update("binance", Bar("binance", 30, 4m))));
        Assert.Equal(1, engine.Statistics.OpenWindows);

        var merged = Assert.Single(Feed(engine, Update("okx", Bar("okx", 200, 5m))));
        Assert.Equal((At(0), At(51), 4, 0, 1m, 3m, 4m, 1m), (merged.Start, merged.End, merged.BarCount, merged.Revision, merged.First, merged.Last, merged.High, merged.Low));
        Assert.Equal(new[] { "binance", "okx" }, merged.Venues);
    }

    [Fact]
    public void A_late_bar_merging_an_emitted_session_re_emits_the_merged_one_with_the_next_revision()
    {
        var engine = new WindowEngine(Instrument, Options(sessionGap: Seconds(30), policy: LatePolicy.UpdateAndReemit, horizon: Seconds(120)));
        var first = Assert.Single(Feed(engine, Update("okx", Bar("okx", 0, 1m)), Update("okx", Bar("okx", 40, 2m))));
        Assert.Equal((At(0), At(1), 0), (first.Start, first.End, first.Revision));

        // 20 s is behind the watermark (40 s) but within the horizon, and 19 s from both sessions.
        Assert.Empty(Feed(engine, Update("bybit", Bar("bybit", 20, 3m))));
        var merged = Assert.Single(Feed(engine, Update("okx", Bar("okx", 100, 4m))));
        Assert.Equal((At(0), At(41), 3, 1), (merged.Start, merged.End, merged.BarCount, merged.Revision));
        var statistics = engine.Statistics;
        Assert.Equal((1L, 1L, 0L), (statistics.LateApplied, statistics.ReEmitted, statistics.LateDropped));
    }
}
