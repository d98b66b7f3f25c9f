using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace TgeSwarm.Grains.Market.Pipeline;

/// <summary>
/// The market pipeline's metrics on the <c>TgeSwarm.Market</c> meter, per silo: events handled per stage, rejects
/// per reason, frames read, and the latency from frame received to cache updated. Also keeps per-stage totals the
/// console view turns into rates without a meter listener.
/// </summary>
internal sealed class MarketInstruments
{
    public const string MeterName = "TgeSwarm.Market";

    private readonly long[] _totals = new long[MarketStages.All.Length];
    private readonly Counter<long> _events;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _frames;
    private readonly Histogram<double> _latency;
    private readonly LatencyReservoir _recentLatency = new();
    private readonly ConcurrentDictionary<string, long> _cachedUpdates = new(StringComparer.Ordinal);

    public MarketInstruments(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _events = meter.CreateCounter<long>("swarm.market.events", unit: "{event}", description: "Trades, book updates and feature updates each stage handled.");
        _rejected = meter.CreateCounter<long>("swarm.market.rejected", unit: "{event}", description: "Events validation rejected, by venue and reason.");
        _frames = meter.CreateCounter<long>("swarm.market.frames", unit: "{frame}", description: "WebSocket frames ingestion read, by venue.");
        _latency = meter.CreateHistogram<double>(
            "swarm.market.latency",
            unit: "ms",
            description: "From the frame received to the instrument's cache updated.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100, 250, 1000] });
    }

    /// <summary>Latencies of recent batches, for percentiles in the console view and the benchmarks.</summary>
    public LatencyReservoir RecentLatency => _recentLatency;

    public void Handled(string stage, string venue, long events)
    {
        if (events <= 0)
        {
            return;
        }

        Interlocked.Add(ref _totals[Array.IndexOf(MarketStages.All, stage)], events);
        _events.Add(events, new KeyValuePair<string, object?>("stage", stage), new KeyValuePair<string, object?>("venue", venue));
    }

    public void FramesRead(string venue, long frames) =>
        _frames.Add(frames, new KeyValuePair<string, object?>("venue", venue));

    public void Rejected(string venue, string reason) =>
        _rejected.Add(1, new KeyValuePair<string, object?>("venue", venue), new KeyValuePair<string, object?>("reason", reason));

    public void CacheUpdated(double latencyMilliseconds)
    {
        _latency.Record(latencyMilliseconds);
        _recentLatency.Add(latencyMilliseconds);
    }

    /// <summary>Counts a cache update of <paramref name="instrument"/> (once per cache turn, not per event).</summary>
    public void InstrumentCached(string instrument) => _cachedUpdates.AddOrUpdate(instrument, 1, static (_, count) => count + 1);

    /// <summary>The instruments whose caches this silo updated most often, busiest first.</summary>
    public string[] BusiestInstruments(int count) =>
        [.. _cachedUpdates.OrderByDescending(static pair => pair.Value).Take(count).Select(static pair => pair.Key)];

    /// <summary>Events handled per stage since the silo started, in <see cref="MarketStages.All"/> order.</summary>
    public long[] Totals()
    {
        var copy = new long[_totals.Length];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = Interlocked.Read(ref _totals[i]);
        }

        return copy;
    }
}
