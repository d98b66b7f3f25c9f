using TgeSwarm.Feeds;
using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Grains.Market.Features;
using TgeSwarm.Grains.Market.Hosting;
using TgeSwarm.Grains.Market.Pipeline;
using TgeSwarm.Grains.Market.Transform;
using TgeSwarm.Grains.Market.Validation;
using TgeSwarm.Grains.Market.Windows;

namespace TgeSwarm.Bench.Benchmarks.Pipeline;

/// <summary>
/// The baseline: the pipeline's own stage code (feeds, validator, deduplicator, transformer, feature and window
/// engines, a cache of latest snapshots and bars) called in a plain loop on one thread, batch by batch as the grains
/// run it, with no grains, streams or copies.
/// </summary>
internal sealed class PlainPipeline : IMarketEventSink
{
    private readonly MarketValidator _validator = new(new MarketValidationOptions { MaxAge = null, MaxClockSkew = null }, TimeProvider.System);
    private readonly TradeDeduplicator _deduplicator = new(new MarketPipelineOptions().DedupCapacityPerInstrument);
    private readonly MarketTransformer _transformer = new();
    private readonly Dictionary<(string Venue, string Instrument), FeatureEngine> _features = [];
    private readonly Dictionary<string, WindowEngine> _windows = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Venue, string Instrument), FeatureSnapshot> _latest = [];
    private readonly Dictionary<(string Venue, string Instrument, int Interval), Queue<Bar>> _bars = [];
    private readonly FeatureOptions _featureOptions = new();
    private readonly WindowOptions _windowOptions = new();
    private readonly int _barsKept = new MarketPipelineOptions().RecentBarsKept;
    private readonly Dictionary<PipelineFrames.Connection, IVenueFeed> _feeds = [];
    private string _venue = "";

    public long Updates { get; private set; }

    /// <summary>Distinct instruments (across venues) the run produced features for.</summary>
    public int InstrumentCount => _windows.Count;

    /// <summary>Parse only: the feeds run, every later stage is skipped (to show where the baseline's time goes).</summary>
    public bool ParseOnly { get; init; }

    /// <summary>
    /// Runs <paramref name="part"/> of every connection's frames through the stages, flushing every
    /// <paramref name="framesPerBatch"/> frames; each connection keeps its feed across the calls.
    /// </summary>
    public void Run(PipelineFrames frames, int framesPerBatch, FramePart part)
    {
        foreach (var connection in frames.Connections)
        {
            _venue = VenueNames.Name(connection.Venue);
            if (!_feeds.TryGetValue(connection, out var feed))
            {
                feed = VenueFeeds.Create(connection.Venue, this, connection.Address);
                _feeds.Add(connection, feed);
            }

            var inBatch = 0;
            var (from, count) = connection.Range(part);
            for (var i = from; i < from + count; i++)
            {
                var frame = connection.Frames[i];
                if (frame.RestUrl is { } url)
                {
                    // A REST body's book is stamped with its receive time (the venue sends none); 0 would fail validation.
                    feed.OnRestResponse(url, frame.Data.Span, MarketClock.NowMicros(TimeProvider.System));
                    continue;
                }

                feed.OnFrame(frame.Data.Span, 0);
                if (++inBatch == framesPerBatch)
                {
                    Flush();
                    inBatch = 0;
                }
            }

            Flush();
        }
    }

    public void OnTrade(Trade trade)
    {
        if (!ParseOnly && _validator.TryValidate(trade, out _) && _deduplicator.IsNew(trade))
        {
            _transformer.Add(trade);
        }
    }

    public void OnBook(BookUpdate book)
    {
        if (!ParseOnly && _validator.TryValidate(book, out _))
        {
            _transformer.Add(book);
        }
    }

    public void OnResyncRequired(string instrument, string reason)
    {
    }

    private void Flush()
    {
        foreach (var group in _transformer.Drain())
        {
            // Tuple keys, not concatenated strings: the grains look their streams and state up without building keys per batch.
            var key = (_venue, group.Instrument);
            if (!_features.TryGetValue(key, out var engine))
            {
                engine = new FeatureEngine(_venue, group.Instrument, _featureOptions);
                _features.Add(key, engine);
            }

            foreach (var trade in group.Trades)
            {
                engine.OnTrade(trade);
            }

            foreach (var book in group.Books)
            {
                engine.OnBook(book);
            }

            if (engine.TakeUpdate() is not { } update)
            {
                continue;
            }

            Updates++;
            if (!_windows.TryGetValue(group.Instrument, out var windows))
            {
                windows = new WindowEngine(group.Instrument, _windowOptions);
                _windows.Add(group.Instrument, windows);
            }

            windows.OnFeatures(update);
            windows.TakeClosed();
            _latest[key] = update.Snapshot;
            foreach (var bar in update.ClosedBars)
            {
                var barKey = (_venue, group.Instrument, bar.IntervalSeconds);
                if (!_bars.TryGetValue(barKey, out var ring))
                {
                    ring = new Queue<Bar>();
                    _bars.Add(barKey, ring);
                }

                ring.Enqueue(bar);
                if (ring.Count > _barsKept)
                {
                    ring.Dequeue();
                }
            }
        }
    }
}
