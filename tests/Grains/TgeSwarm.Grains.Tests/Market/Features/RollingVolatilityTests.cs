using TgeSwarm.Grains.Market.Features;

namespace TgeSwarm.Grains.Tests.Market.Features;

public sealed class RollingVolatilityTests
{
    [Fact]
    public void Is_the_root_of_the_sum_of_squared_returns_in_the_window()
    {
        var volatility = new RollingVolatility(3);
        volatility.Add(10, 0.03);
        volatility.Add(11, -0.04);
        Assert.Equal(0.05, volatility.Value, 12);
        volatility.Add(12, 0.12);
        Assert.Equal(Math.Sqrt(0.0009 + 0.0016 + 0.0144), volatility.Value, 12);

        // Slot 13 pushes slot 10 out.
        volatility.Add(13, 0);
        Assert.Equal(Math.Sqrt(0.0016 + 0.0144), volatility.Value, 12);
        Assert.Equal(3, volatility.Count);
    }

    [Fact]
    public void Empty_slots_count_toward_the_window_as_zero_returns()
    {
        var volatility = new RollingVolatility(3);
        volatility.Add(10, 0.03);
        volatility.Add(12, 0.04);
        Assert.Equal(0.05, volatility.Value, 12);

        // Window (10, 13]: slot 10 is out although only two returns were held.
        volatility.Add(13, 0.12);
        Assert.Equal(Math.Sqrt(0.0016 + 0.0144), volatility.Value, 12);
        Assert.Equal(2, volatility.Count);

        volatility.Add(100, 0.01);
        Assert.Equal(0.01, volatility.Value, 12);
        Assert.Equal(1, volatility.Count);
    }

    [Fact]
    public void Refuses_a_slot_that_is_not_after_the_previous_one()
    {
        var volatility = new RollingVolatility(5);
        volatility.Add(7, 0.01);
        Assert.Throws<ArgumentOutOfRangeException>(() => volatility.Add(7, 0.02));
        Assert.Throws<ArgumentOutOfRangeException>(() => volatility.Add(6, 0.02));
    }
}
