using TgeSwarm.Runtime.Dashboard.Metrics;

namespace TgeSwarm.Runtime.Dashboard.Snapshots;

/// <summary>
/// Percentiles of this silo's histograms over the last sample interval: the bucket counts now minus those at the
/// previous sample, read by linear interpolation inside the bucket that holds the rank (as Prometheus'
/// <c>histogram_quantile</c> does). A rank in the +Inf bucket reports the largest finite bound.
/// </summary>
internal sealed class HistogramPercentiles
{
    private readonly Dictionary<string, long[]> _previous = new(StringComparer.Ordinal);

    public LatencyView Measure(InstrumentAggregate histogram)
    {
        var bounds = histogram.Bounds;
        var merged = new long[bounds.Length + 1];
        foreach (var series in histogram.Series)
        {
            var state = series.ReadHistogram();
            for (var i = 0; i < merged.Length; i++)
            {
                merged[i] += state.BucketCounts[i];
            }
        }

        var name = histogram.Instrument.Name;
        var delta = (long[])merged.Clone();
        if (_previous.TryGetValue(name, out var previous) && previous.Length == merged.Length && merged.Sum() >= previous.Sum())
        {
            for (var i = 0; i < delta.Length; i++)
            {
                delta[i] -= previous[i];
            }
        }

        _previous[name] = merged;
        var count = delta.Sum();
        return new LatencyView(name, histogram.Instrument.Unit ?? string.Empty, count, Quantile(delta, bounds, count, 0.50), Quantile(delta, bounds, count, 0.99));
    }

    public static double? Quantile(long[] counts, double[] bounds, long total, double q)
    {
        if (total <= 0)
        {
            return null;
        }

        var rank = q * total;
        var cumulative = 0L;
        for (var i = 0; i < counts.Length; i++)
        {
            var before = cumulative;
            cumulative += counts[i];
            if (cumulative >= rank && counts[i] > 0)
            {
                if (i >= bounds.Length)
                {
                    return bounds.Length > 0 ? bounds[^1] : null;
                }

                var lower = i == 0 ? Math.Min(0, bounds[0]) : bounds[i - 1];
                return lower + ((bounds[i] - lower) * (rank - before) / counts[i]);
            }
        }

        return bounds.Length > 0 ? bounds[^1] : null;
    }
}
