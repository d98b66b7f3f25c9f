using TgeSwarm.Runtime.Dashboard.Snapshots;

namespace TgeSwarm.Runtime.Dashboard.Tests.Snapshots;

public sealed class HistogramPercentilesTests
{
    private static readonly double[] Bounds = [1, 5, 10];

    [Fact]
    public void A_percentile_is_interpolated_inside_the_bucket_that_holds_its_rank()
    {
        // 10 in (0,1], 10 in (1,5], 0 in (5,10], 0 above: the median is the top of the first bucket, p99 near the top of the second.
        long[] counts = [10, 10, 0, 0];

        Assert.Equal(1, HistogramPercentiles.Quantile(counts, Bounds, 20, 0.50));
        Assert.Equal(4.92, HistogramPercentiles.Quantile(counts, Bounds, 20, 0.99)!.Value, precision: 10);
    }

    [Fact]
    public void A_rank_in_the_overflow_bucket_reports_the_largest_bound_and_nothing_recorded_reports_nothing()
    {
        Assert.Equal(10, HistogramPercentiles.Quantile([0, 0, 0, 5], Bounds, 5, 0.5));
        Assert.Null(HistogramPercentiles.Quantile([0, 0, 0, 0], Bounds, 0, 0.5));
    }
}
