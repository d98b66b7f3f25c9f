using System.Diagnostics.Metrics;

namespace TgeSwarm.Runtime.Dashboard.Metrics;

/// <summary>
/// Everything one instrument reported on this silo, one <see cref="MetricSeries"/> per tag set. The series array is
/// replaced, never changed, so the measurement path finds its series without a lock; only a new tag set takes the
/// lock. Series are found by comparing tags in place, so a repeated measurement allocates nothing.
/// </summary>
internal sealed class InstrumentAggregate
{
    /// <summary>For histograms without advice: fine enough for milliseconds and seconds alike.</summary>
    private static readonly double[] DefaultBounds = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

    private readonly object _gate = new();
    private readonly int _maxSeries;
    private readonly Action _overflow;
    private MetricSeries[] _series = [];

    public InstrumentAggregate(Instrument instrument, int maxSeries, Action overflow)
    {
        Instrument = instrument;
        _maxSeries = maxSeries;
        _overflow = overflow;
        Kind = KindOf(instrument);
        IsObservable = instrument.IsObservable;
        Bounds = Kind == MetricKind.Histogram ? BoundsOf(instrument) : [];
    }

    public Instrument Instrument { get; }

    public MetricKind Kind { get; }

    public bool IsObservable { get; }

    /// <summary>Upper bounds of the histogram's finite buckets, ascending.</summary>
    public double[] Bounds { get; }

    public IReadOnlyList<MetricSeries> Series => Volatile.Read(ref _series);

    /// <summary>An integral measurement: sums stay exact longs; anything else goes the double way.</summary>
    public void Record(long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (IsObservable || Kind is not (MetricKind.Counter or MetricKind.Sum))
        {
            Record((double)value, tags);
            return;
        }

        Find(tags)?.Add(value);
    }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var series = Find(tags);
        if (series is null)
        {
            return;
        }

        switch (Kind)
        {
            case MetricKind.Counter when IsObservable:
            case MetricKind.LastValue:
                series.Set(value);
                break;
            case MetricKind.Counter:
            case MetricKind.Sum:
                series.Add(value);
                break;
            case MetricKind.Histogram:
                series.Observe(value, Bounds);
                break;
        }
    }

    /// <summary>Forgets an observable instrument's series before its callbacks run again, so a series that is no longer reported (a closed subscription) disappears.</summary>
    public void ResetObserved() => Volatile.Write(ref _series, []);

    private MetricSeries? Find(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var series in Volatile.Read(ref _series))
        {
            if (series.Matches(tags))
            {
                return series;
            }
        }

        lock (_gate)
        {
            foreach (var series in _series)
            {
                if (series.Matches(tags))
                {
                    return series;
                }
            }

            if (_series.Length >= _maxSeries)
            {
                _overflow();
                return null;
            }

            var added = new MetricSeries(MetricTags.Copy(tags), Kind == MetricKind.Histogram ? Bounds.Length : 0);
            Volatile.Write(ref _series, [.. _series, added]);
            return added;
        }
    }

    private static MetricKind KindOf(Instrument instrument)
    {
        var definition = instrument.GetType().IsGenericType ? instrument.GetType().GetGenericTypeDefinition() : instrument.GetType();
        if (definition == typeof(Counter<>) || definition == typeof(ObservableCounter<>))
        {
            return MetricKind.Counter;
        }

        if (definition == typeof(UpDownCounter<>))
        {
            return MetricKind.Sum;
        }

        if (definition == typeof(Histogram<>))
        {
            return MetricKind.Histogram;
        }

        // Gauge, ObservableGauge and ObservableUpDownCounter report the current value.
        return MetricKind.LastValue;
    }

    private static double[] BoundsOf(Instrument instrument) => instrument switch
    {
        Histogram<double> { Advice.HistogramBucketBoundaries: { Count: > 0 } bounds } => [.. bounds],
        Histogram<float> { Advice.HistogramBucketBoundaries: { Count: > 0 } bounds } => [.. bounds.Select(static b => (double)b)],
        Histogram<long> { Advice.HistogramBucketBoundaries: { Count: > 0 } bounds } => [.. bounds.Select(static b => (double)b)],
        Histogram<int> { Advice.HistogramBucketBoundaries: { Count: > 0 } bounds } => [.. bounds.Select(static b => (double)b)],
        _ => DefaultBounds,
    };
}
