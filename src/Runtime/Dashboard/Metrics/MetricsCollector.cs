using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;

namespace TgeSwarm.Runtime.Dashboard.Metrics;

/// <summary>
/// The silo's one metrics listener. It subscribes to the instruments of meters whose names match
/// <see cref="SwarmMetricsOptions.MeterPrefixes"/> and that belong to this host, and folds each measurement into a
/// running aggregate as it happens (a sum, a last value or histogram buckets), so a scrape only formats what is
/// there: nothing is buffered per measurement.
/// </summary>
/// <remarks>
/// Meters come from the host's <see cref="IMeterFactory"/>, which sets itself as their scope; several silos in one
/// process (a test cluster) publish meters with the same names, and a meter of another host's factory is left to
/// that host's listener. A meter made without a factory (no scope) is taken by every listener that matches it.
/// Observable instruments run their callbacks only when read (<see cref="Collect"/>), under one lock so two
/// scrapes never interleave their resets.
/// </remarks>
internal sealed class MetricsCollector : ISwarmMetricsReader, IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentAggregate> _instruments = new();
    private readonly string[] _prefixes;
    private readonly IMeterFactory _meterFactory;
    private readonly int _maxSeries;
    private readonly Lock _collectGate = new();
    private long _overflow;

    public MetricsCollector(IOptions<SwarmMetricsOptions> options, IMeterFactory meterFactory)
    {
        _prefixes = [.. options.Value.MeterPrefixes];
        _maxSeries = options.Value.MaxSeriesPerInstrument;
        _meterFactory = meterFactory;
        _listener.InstrumentPublished = OnInstrumentPublished;
        _listener.MeasurementsCompleted = (instrument, _) => _instruments.TryRemove(instrument, out InstrumentAggregate? _);
        _listener.SetMeasurementEventCallback<byte>(static (_, value, tags, state) => ((InstrumentAggregate)state!).Record((long)value, tags));
        _listener.SetMeasurementEventCallback<short>(static (_, value, tags, state) => ((InstrumentAggregate)state!).Record((long)value, tags));
        _listener.SetMeasurementEventCallback<int>(static (_, value, tags, state) => ((InstrumentAggregate)state!).Record((long)value, tags));
        _listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<float>(static (_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((InstrumentAggregate)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<decimal>(static (_, value, tags, state) => ((InstrumentAggregate)state!).Record((double)value, tags));
        _listener.Start();
    }

    /// <summary>Measurements dropped because their instrument already had <see cref="SwarmMetricsOptions.MaxSeriesPerInstrument"/> tag sets.</summary>
    public long SeriesOverflow => Interlocked.Read(ref _overflow);

    /// <summary>Runs the observable instruments' callbacks and returns every instrument's aggregate, ordered by name.</summary>
    public IReadOnlyList<InstrumentAggregate> Collect()
    {
        lock (_collectGate)
        {
            foreach (var aggregate in _instruments.Values)
            {
                if (aggregate.IsObservable)
                {
                    aggregate.ResetObserved();
                }
            }

            _listener.RecordObservableInstruments();
            return [.. _instruments.Values.OrderBy(static a => a.Instrument.Name, StringComparer.Ordinal)];
        }
    }

    /// <summary>Every aggregate of instruments named <paramref name="instrumentName"/>, without running observable callbacks.</summary>
    public IEnumerable<InstrumentAggregate> Find(string instrumentName) =>
        _instruments.Values.Where(a => string.Equals(a.Instrument.Name, instrumentName, StringComparison.Ordinal));

    /// <summary>The histograms of this silo, ordered by name.</summary>
    public IEnumerable<InstrumentAggregate> Histograms() =>
        _instruments.Values.Where(static a => a.Kind == MetricKind.Histogram).OrderBy(static a => a.Instrument.Name, StringComparer.Ordinal);

    public IReadOnlyList<SwarmMetricValue> Read(string instrumentName)
    {
        ArgumentException.ThrowIfNullOrEmpty(instrumentName);
        var aggregates = Find(instrumentName).ToList();
        if (aggregates.Exists(static a => a.IsObservable))
        {
            // Observable figures exist only while their callbacks run: take a fresh reading.
            Collect();
        }

        var values = new List<SwarmMetricValue>();
        foreach (var aggregate in aggregates)
        {
            foreach (var series in aggregate.Series)
            {
                var value = aggregate.Kind == MetricKind.Histogram ? series.ReadHistogram().Count : series.Value;
                values.Add(new SwarmMetricValue(series.Tags.ToDictionary(StringComparer.Ordinal), value));
            }
        }

        return values;
    }

    /// <summary>The sum over every series of the named counters or sums on this silo (0 when none reported).</summary>
    public double Total(string instrumentName)
    {
        var total = 0d;
        foreach (var aggregate in Find(instrumentName))
        {
            foreach (var series in aggregate.Series)
            {
                total += series.Value;
            }
        }

        return total;
    }

    public void Dispose() => _listener.Dispose();

    private void OnInstrumentPublished(Instrument instrument, MeterListener listener)
    {
        var meter = instrument.Meter;
        if (meter.Scope is not null && !ReferenceEquals(meter.Scope, _meterFactory))
        {
            return;
        }

        if (!_prefixes.Any(p => meter.Name.StartsWith(p, StringComparison.Ordinal)))
        {
            return;
        }

        var aggregate = _instruments.GetOrAdd(instrument, i => new InstrumentAggregate(i, _maxSeries, () => Interlocked.Increment(ref _overflow)));
        listener.EnableMeasurementEvents(instrument, aggregate);
    }
}
