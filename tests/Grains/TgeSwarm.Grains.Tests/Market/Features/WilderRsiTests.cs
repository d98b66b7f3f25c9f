using TgeSwarm.Grains.Market.Features;

namespace TgeSwarm.Grains.Tests.Market.Features;

public sealed class WilderRsiTests
{
    [Fact]
    public void Equals_the_values_StockCharts_publishes_for_its_worked_example()
    {
        var closes = StockChartsRsiSample.Closes();
        var (expected, tolerance) = StockChartsRsiSample.ExpectedRsi14();
        var rsi = new WilderRsi(14);
        var produced = new List<double>();
        foreach (var close in closes)
        {
            rsi.Add(close);
            if (rsi.IsReady)
            {
                produced.Add(rsi.Value);
            }
        }

        Assert.Equal(expected.Length, produced.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            // Published to two decimals: ours rounded the same way must be that number.
            Assert.True(
                Math.Abs(Math.Round(produced[i], 2, MidpointRounding.AwayFromZero) - expected[i]) < tolerance / 2,
                $"RSI at index {14 + i}: {produced[i]} does not round to the published {expected[i]}");
        }
    }

    [Fact]
    public void First_value_comes_with_input_period_plus_one()
    {
        var rsi = new WilderRsi(14);
        var closes = StockChartsRsiSample.Closes();
        for (var i = 0; i < 14; i++)
        {
            rsi.Add(closes[i]);
            Assert.False(rsi.IsReady, $"ready after {i + 1} inputs");
        }

        rsi.Add(closes[14]);
        Assert.True(rsi.IsReady);
    }

    [Fact]
    public void Hand_computed_period_two_values()
    {
        // Changes +2, −1 seed avgGain 1, avgLoss 0.5 → 66.67; then +3: gain (1·1 + 3)/2 = 2, loss (0.5·1)/2 = 0.25 → 88.89.
        var rsi = new WilderRsi(2);
        rsi.Add(10);
        rsi.Add(12);
        rsi.Add(11);
        Assert.Equal(100.0 * 1 / 1.5, rsi.Value, 12);
        rsi.Add(14);
        Assert.Equal(100.0 * 2 / 2.25, rsi.Value, 12);
    }

    [Fact]
    public void Is_100_without_losses_and_50_on_a_flat_series()
    {
        var rising = new WilderRsi(3);
        var flat = new WilderRsi(3);
        for (var i = 0; i < 6; i++)
        {
            rising.Add(i);
            flat.Add(7);
        }

        Assert.Equal(100.0, rising.Value);
        Assert.Equal(50.0, flat.Value);
    }
}
