using TgeSwarm.Grains.Market.Features;

namespace TgeSwarm.Grains.Tests.Market.Features;

public sealed class EmaTests
{
    [Fact]
    public void Is_seeded_with_the_simple_average_of_the_first_period_inputs()
    {
        var ema = new Ema(3);
        ema.Add(2);
        ema.Add(4);
        Assert.False(ema.IsReady);
        ema.Add(9);
        Assert.True(ema.IsReady);
        Assert.Equal(5.0, ema.Value, 12);
    }

    [Fact]
    public void Moves_by_k_equal_to_two_over_period_plus_one()
    {
        // k = 0.5: 5 + 0.5·(11 − 5) = 8, then 8 + 0.5·(4 − 8) = 6.
        var ema = new Ema(3);
        foreach (var input in new double[] { 2, 4, 9, 11, 4 })
        {
            ema.Add(input);
        }

        Assert.Equal(6.0, ema.Value, 12);
    }

    [Fact]
    public void Equals_an_independent_loop_over_the_sample()
    {
        var closes = StockChartsRsiSample.ExtendedCloses(200);
        var ema = new Ema(10);
        var k = 2.0 / 11;
        var expected = 0.0;
        for (var i = 0; i < closes.Length; i++)
        {
            ema.Add(closes[i]);
            if (i == 9)
            {
                for (var j = 0; j < 10; j++)
                {
                    expected += closes[j] / 10;
                }
            }
            else if (i > 9)
            {
                expected = (closes[i] * k) + (expected * (1 - k));
            }

            Assert.Equal(i >= 9, ema.IsReady);
            if (i >= 9)
            {
                Assert.Equal(expected, ema.Value, 9);
            }
        }
    }
}
