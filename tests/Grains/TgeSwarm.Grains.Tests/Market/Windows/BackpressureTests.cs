using TgeSwarm.Grains.Market.Windows;
using static TgeSwarm.Grains.Tests.Market.Windows.WindowInputs;

namespace TgeSwarm.Grains.Tests.Market.Windows;

public sealed class BackpressureTests
{
    [Fact]
    public void Updates_are_refused_while_the_pending_results_are_full_and_accepted_once_taken()
    {
        var engine = new WindowEngine(Instrument, Options(tumbling: Seconds(10), maxPending: 2));
        Assert.True(engine.OnFeatures(Update("okx", Bar("okx", 0, 1m))));
        Assert.True(engine.OnFeatures(Update("okx", Bar("okx", 10, 1m))));
        Assert.True(engine.OnFeatures(Update("okx", Bar("okx", 20, 1m))));

        var refused = Update("okx", Bar("okx", 30, 1m));
        Assert.False(engine.OnFeatures(refused));
        Assert.False(engine.OnFeatures(refused));
        var statistics = engine.Statistics;
        Assert.Equal((2L, 3L, At(20)), (statistics.RejectedForBackpressure, statistics.BarsAccepted, statistics.Watermark));

        Assert.Equal(new[] { At(0), At(10) }, engine.TakeClosed().Select(r => r.Start));
        Assert.True(engine.OnFeatures(refused));
        Assert.Equal(At(20), Assert.Single(engine.TakeClosed()).Start);
        Assert.Empty(engine.TakeClosed());
    }

    [Fact]
    public void One_accepted_update_may_overshoot_the_bound_by_what_it_closes()
    {
        var engine = new WindowEngine(Instrument, Options(tumbling: Seconds(10), maxPending: 1));
        Assert.True(engine.OnFeatures(Update("okx", Bar("okx", 0, 1m), Bar("okx", 10, 1m), Bar("okx", 20, 1m), Bar("okx", 30, 1m))));
        Assert.False(engine.OnFeatures(Update("okx", Bar("okx", 40, 1m))));
        Assert.Equal(3, engine.TakeClosed().Count);
    }
}
