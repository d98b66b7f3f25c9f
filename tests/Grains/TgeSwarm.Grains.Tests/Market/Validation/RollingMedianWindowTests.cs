using TgeSwarm.Grains.Market.Validation;

namespace TgeSwarm.Grains.Tests.Market.Validation;

public sealed class RollingMedianWindowTests
{
    [Fact]
    public void Median_and_MAD_of_a_textbook_sample()
    {
        // 1 1 2 2 4 6 9: median 2, distances 1 1 0 0 2 4 7, MAD 1.
        var window = new RollingMedianWindow(7);
        foreach (var value in new double[] { 9, 1, 2, 6, 1, 4, 2 })
        {
            window.Add(value);
        }

        Assert.Equal(2, window.Median());
        Assert.Equal(1, window.MedianAbsoluteDeviation());
        Assert.Equal(15.0 / 7, window.MeanAbsoluteDeviation(), 12);
    }

    [Fact]
    public void An_even_count_averages_the_two_middle_values()
    {
        var window = new RollingMedianWindow(4);
        foreach (var value in new double[] { 4, 1, 3, 2 })
        {
            window.Add(value);
        }

        // Median 2.5; distances 1.5 0.5 0.5 1.5: MAD 1.
        Assert.Equal(2.5, window.Median());
        Assert.Equal(1, window.MedianAbsoluteDeviation());
    }

    [Fact]
    public void The_oldest_value_leaves_a_full_window()
    {
        var window = new RollingMedianWindow(3);
        window.Add(100);
        window.Add(1);
        window.Add(2);
        Assert.Equal(2, window.Median());

        window.Add(3);

        Assert.Equal(3, window.Count);
        Assert.Equal(2, window.Median());
        Assert.Equal(1, window.MedianAbsoluteDeviation());
    }

    [Fact]
    public void Mostly_equal_values_have_a_zero_MAD()
    {
        var window = new RollingMedianWindow(10);
        foreach (var value in new double[] { 0, 0, 0, 0, 0, 0, 0.1, -0.2, 0.3, 0 })
        {
            window.Add(value);
        }

        Assert.Equal(0, window.Median());
        Assert.Equal(0, window.MedianAbsoluteDeviation());
        Assert.Equal(0.06, window.MeanAbsoluteDeviation(), 12);
    }

    [Fact]
    public void Sliding_statistics_equal_a_full_recomputation_at_every_step()
    {
        var random = new Random(20261121);
        const int capacity = 37;
        var window = new RollingMedianWindow(capacity);
        var recent = new Queue<double>();
        for (var step = 0; step < 2000; step++)
        {
            // Rounded values give many ties, the case where the index arithmetic is easiest to get wrong.
            var value = Math.Round((random.NextDouble() - 0.5) * 20, step % 3 == 0 ? 0 : 2);
            window.Add(value);
            recent.Enqueue(value);
            if (recent.Count > capacity)
            {
                recent.Dequeue();
            }

            var (median, mad) = Recompute(recent.ToArray());
            Assert.Equal(median, window.Median(), 12);
            Assert.Equal(mad, window.MedianAbsoluteDeviation(), 12);
        }
    }

    [Fact]
    public void Non_finite_values_are_refused()
    {
        var window = new RollingMedianWindow(3);

        Assert.Throws<ArgumentOutOfRangeException>(() => window.Add(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => window.Add(double.PositiveInfinity));
        Assert.Equal(0, window.Count);
        Assert.True(double.IsNaN(window.Median()));
    }

    private static (double Median, double Mad) Recompute(double[] values)
    {
        var median = MedianOf(values);
        var distances = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            distances[i] = Math.Abs(values[i] - median);
        }

        return (median, MedianOf(distances));
    }

    private static double MedianOf(double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var half = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
    }
}
