using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Grains.Market.Windows;
using static TgeSwarm.Grains.Tests.Market.Windows.WindowInputs;

namespace TgeSwarm.Grains.Tests.Market.Windows;

public sealed class SlidingWindowTests
{
    [Fact]
    public void A_bar_is_in_every_window_holding_its_time()
    {
        var engine = new WindowEngine(Instrument, Options(slidingSize: Seconds(30), slidingSlide: Seconds(10)));
        var results = Feed(engine, Update("okx", Bar("okx", 25, 7m)), Update("okx", Bar("okx", 100, 8m)));

        Assert.Equal(new[] { At(0), At(10), At(20) }, results.Select(r => r.Start));
        Assert.All(results, r =>
        {
            Assert.Equal((WindowKind.Sliding, "sliding-30s-10s", 1, 7m, 7m), (r.Kind, r.Name, r.BarCount, r.First, r.Last));
            Assert.Equal(r.Start + (30 * Second), r.End);
        });
        Assert.Equal(3, engine.Statistics.OpenWindows);
    }

    [Fact]
    public void Each_window_sums_exactly_the_bars_inside_it()
    {
        long[] seconds = [1, 4, 12, 19, 23, 31, 38, 47, 58, 59];
        var bars = seconds.Select(s => Bar("bybit", s, 100m + s, volume: s + 1)).ToArray();
        var engine = new WindowEngine(Instrument, Options(slidingSize: Seconds(30), slidingSlide: Seconds(10)));
        var results = Feed(engine, Update("bybit", bars), Update("bybit", Bar("bybit", 500, 1m)));

        // Independently: every 10 s start from −20 s whose [start, start + 30) holds a bar.
        var expected = new List<(long Start, int Count, decimal Volume, decimal First, decimal Last)>();
        for (long start = -20; start < 60; start += 10)
        {
            var inside = seconds.Where(s => s >= start && s < start + 30).ToList();
            if (inside.Count > 0)
            {
                expected.Add((At(start), inside.Count, inside.Sum(s => s + 1m), 100m + inside[0], 100m + inside[^1]));
            }
        }

        Assert.Equal(expected, results.Select(r => (r.Start, r.BarCount, r.Volume, r.First, r.Last)));
    }
}
