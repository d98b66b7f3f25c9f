using System.Diagnostics.Metrics;
using TgeSwarm.Grains.Market.Pipeline;

namespace TgeSwarm.Bench.Benchmarks.Pipeline;

/// <summary>
/// Every latency the cache grains record on <c>swarm.market.latency</c> while it is open, for percentiles over a whole
/// run. The silo's own reservoir keeps the last 4 096 cache turns, which at 100 000 frames/s is the final tenth of a
/// second or so of a run: one hiccup there (the sources' last flushes, a collection) set the p99 of the whole figure.
/// </summary>
internal sealed class LatencyRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<double> _samples = new(1 << 20);
    private readonly Lock _lock = new();

    public LatencyRecorder()
    {
        _listener.InstrumentPublished = static (instrument, listener) =>
        {
            if (instrument.Meter.Name == MarketInstruments.MeterName && instrument.Name == "swarm.market.latency")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, value, _, _) =>
        {
            lock (_lock)
            {
                _samples.Add(value);
            }
        });
        _listener.Start();
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _samples.Count;
            }
        }
    }

    /// <summary>The given percentiles (0–100) of the samples so far (nearest rank); NaN when there are none.</summary>
    public double[] Percentiles(params double[] percentiles)
    {
        double[] sorted;
        lock (_lock)
        {
            sorted = [.. _samples];
        }

        Array.Sort(sorted);
        return [.. percentiles.Select(p => sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)])];
    }

    public void Dispose() => _listener.Dispose();
}
