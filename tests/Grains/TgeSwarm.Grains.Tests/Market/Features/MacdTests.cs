using TgeSwarm.Grains.Market.Features;

namespace TgeSwarm.Grains.Tests.Market.Features;

public sealed class MacdTests
{
    [Fact]
    public void Hand_computed_small_case_with_talib_seeding()
    {
        // MACD(2, 3, 2) over 1 3 2 5 4 6: slow seeded with mean(1, 3, 2) = 2 and fast with mean(3, 2) = 2.5 at
        // index 2 (line 0.5); index 3: slow 3.5, fast 4.1667, line 0.6667, signal mean(0.5, 0.6667) = 0.5833.
        var macd = new Macd(2, 3, 2);
        foreach (var close in new double[] { 1, 3, 2 })
        {
            macd.Add(close);
            Assert.False(macd.IsReady);
        }

        macd.Add(5);
        Assert.True(macd.IsReady);
        Assert.Equal(2.0 / 3, macd.Line, 12);
        Assert.Equal(7.0 / 12, macd.Signal, 12);
        Assert.Equal(1.0 / 12, macd.Histogram, 12);

        // Index 4: slow 3.75, fast 4.0556, line 0.30556, signal 0.5833 + 2/3·(0.30556 − 0.5833) = 0.39815.
        macd.Add(4);
        Assert.Equal(0.3055555555555556, macd.Line, 12);
        Assert.Equal(0.3981481481481481, macd.Signal, 12);
        Assert.Equal(-0.0925925925925926, macd.Histogram, 12);
    }

    [Fact]
    public void First_output_comes_with_the_34th_close_as_talib_lookback_33()
    {
        var closes = StockChartsRsiSample.ExtendedCloses(40);
        var macd = new Macd(12, 26, 9);
        for (var i = 0; i < 33; i++)
        {
            macd.Add(closes[i]);
            Assert.False(macd.IsReady, $"ready at index {i}");
        }

        macd.Add(closes[33]);
        Assert.True(macd.IsReady);
    }

    [Fact]
    public void Equals_an_independent_talib_computation_at_every_index()
    {
        var closes = StockChartsRsiSample.ExtendedCloses(400);
        var (line, signal, histogram) = TaLibMacdReference.Compute(closes, 12, 26, 9);
        var macd = new Macd(12, 26, 9);
        for (var i = 0; i < closes.Length; i++)
        {
            macd.Add(closes[i]);
            Assert.Equal(!double.IsNaN(line[i]), macd.IsReady);
            if (macd.IsReady)
            {
                Assert.Equal(line[i], macd.Line, 10);
                Assert.Equal(signal[i], macd.Signal, 10);
                Assert.Equal(histogram[i], macd.Histogram, 10);
            }
        }
    }

    [Fact]
    public void Differs_from_a_fast_ema_started_at_its_own_period()
    {
        // The seeding matters: an EMA(12) seeded over closes 0..11 has not converged to TA-Lib's by index 33.
        var closes = StockChartsRsiSample.ExtendedCloses(34);
        var macd = new Macd(12, 26, 9);
        var naiveFast = new Ema(12);
        var slow = new Ema(26);
        foreach (var close in closes)
        {
            macd.Add(close);
            naiveFast.Add(close);
            slow.Add(close);
        }

        var (line, _, _) = TaLibMacdReference.Compute(closes, 12, 26, 9);
        Assert.Equal(line[33], macd.Line, 10);
        Assert.NotEqual(Math.Round(naiveFast.Value - slow.Value, 6), Math.Round(macd.Line, 6));
    }
}
