namespace TgeSwarm.Runtime.Dashboard.Metrics;

/// <summary>
/// One tag set of one instrument. Sums and last values are updated lock-free (a compare-and-swap on the double's
/// bits, since the hot counters are touched from every scheduler thread); a histogram's buckets, sum and count are
/// updated under the series' own lock so a scrape never sees a count that disagrees with its buckets.
/// </summary>
internal sealed class MetricSeries
{
    private readonly object _gate = new();
    private readonly long[]? _bucketCounts;
    private double _value;
    private double _sum;
    private long _count;

    public MetricSeries(KeyValuePair<string, string>[] tags, int bucketCount)
    {
        Tags = tags;
        _bucketCounts = bucketCount > 0 ? new long[bucketCount + 1] : null;
    }

    /// <summary>Tags in the order they were first seen, values as invariant text.</summary>
    public KeyValuePair<string, string>[] Tags { get; }

    /// <summary>Integral additions are kept apart in a long, so the hot counters pay one interlocked add, not a compare-and-swap loop.</summary>
    private long _integral;

    public double Value => Volatile.Read(ref _value) + Interlocked.Read(ref _integral);

    public void Add(long delta) => Interlocked.Add(ref _integral, delta);

    public void Add(double delta)
    {
        var current = Volatile.Read(ref _value);
        while (true)
        {
            var seen = Interlocked.CompareExchange(ref _value, current + delta, current);
            if (seen.Equals(current))
            {
                return;
            }

            current = seen;
        }
    }

    public void Set(double value)
    {
        Interlocked.Exchange(ref _integral, 0);
        Volatile.Write(ref _value, value);
    }

    /// <summary>Counts <paramref name="value"/> into the first bucket whose upper bound is at least it (the last one is +Inf).</summary>
    public void Observe(double value, double[] bounds)
    {
        var index = 0;
        while (index < bounds.Length && value > bounds[index])
        {
            index++;
        }

        lock (_gate)
        {
            _bucketCounts![index]++;
            _sum += value;
            _count++;
        }
    }

    /// <summary>A consistent copy of the histogram: per-bucket (not cumulative) counts, sum and count.</summary>
    public HistogramState ReadHistogram()
    {
        lock (_gate)
        {
            return new HistogramState([.. _bucketCounts!], _sum, _count);
        }
    }

    public bool Matches(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length != Tags.Length)
        {
            return false;
        }

        foreach (var tag in tags)
        {
            if (!Contains(tag))
            {
                return false;
            }
        }

        return true;
    }

    private bool Contains(KeyValuePair<string, object?> tag)
    {
        foreach (var own in Tags)
        {
            if (string.Equals(own.Key, tag.Key, StringComparison.Ordinal))
            {
                // Tag values are nearly always strings; anything else is formatted only when a string compare cannot decide.
                return tag.Value is string text
                    ? string.Equals(own.Value, text, StringComparison.Ordinal)
                    : string.Equals(own.Value, MetricTags.Format(tag.Value), StringComparison.Ordinal);
            }
        }

        return false;
    }
}
