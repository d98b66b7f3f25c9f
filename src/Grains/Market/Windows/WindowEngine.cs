using System.Globalization;
using TgeSwarm.Grains.Interfaces.Market;

namespace TgeSwarm.Grains.Market.Windows;

/// <summary>
/// Tumbling, sliding and session windows of one instrument over the closed bars every venue's feature engine
/// publishes, in event time; WINDOWS.md states the semantics.
/// </summary>
/// <remarks>
/// <para>
/// The event time of a bar is its open time. The watermark is the newest open time seen minus the allowed
/// lateness: a window is emitted once the watermark reaches its end, and a bar older than the watermark is late:
/// dropped and counted, or (UpdateAndReemit) applied when within the re-emit horizon, its windows emitted again with
/// a higher revision. Bars a venue sends again (not newer than that venue's previous bar) are skipped and counted,
/// since at-least-once streams redeliver.
/// </para>
/// <para>
/// Backpressure: once <see cref="WindowOptions.MaxPendingResults"/> emitted windows wait for
/// <see cref="TakeClosed"/>, <see cref="OnFeatures"/> refuses updates (returns false, applies nothing, counts it)
/// until they are taken; the caller offers the same update again or counts it lost. One accepted update may push
/// the pending results past the bound by what it closes. Open windows need no bound of their own: the
/// configuration bounds them (WINDOWS.md).
/// </para>
/// <para>
/// The watermark follows the newest bar of any venue, so the last bar of a venue that trades rarely (it closes only
/// with that venue's next trade) can arrive late; size the allowed lateness for the slowest venue that matters.
/// Not thread-safe: one engine per grain activation, driven by one turn at a time. Per update it allocates only the
/// emitted results.
/// </para>
/// </remarks>
internal sealed class WindowEngine
{
    private readonly List<WindowResult> _pending = [];
    private readonly Dictionary<string, long> _lastBarByVenue = new(StringComparer.Ordinal);
    private readonly WindowAggregatePool _pool = new();
    private readonly AlignedWindows? _tumbling;
    private readonly AlignedWindows? _sliding;
    private readonly SessionWindows? _sessions;
    private readonly int _barSeconds;
    private readonly long _lateness;
    private readonly long _horizon;
    private readonly bool _reemit;
    private readonly int _maxPending;

    private long _newest = long.MinValue;
    private long _accepted;
    private long _lateDropped;
    private long _lateApplied;
    private long _reEmitted;
    private long _emitted;
    private long _rejected;
    private long _duplicates;

    public WindowEngine(string instrument, WindowOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(instrument);
        ArgumentNullException.ThrowIfNull(options);
        WindowOptionsValidator.ThrowIfInvalid(options);
        Instrument = instrument;
        _barSeconds = options.BarIntervalSeconds;
        _lateness = Micros(options.AllowedLateness);
        _reemit = options.LatePolicy == LatePolicy.UpdateAndReemit;
        _horizon = _reemit ? Micros(options.ReemitHorizon) : 0;
        _maxPending = options.MaxPendingResults;
        if (options.Tumbling > TimeSpan.Zero)
        {
            var size = Micros(options.Tumbling);
            _tumbling = new AlignedWindows(instrument, WindowKind.Tumbling, $"tumbling-{Seconds(options.Tumbling)}s", size, size, _pool);
        }

        if (options.SlidingSize > TimeSpan.Zero)
        {
            _sliding = new AlignedWindows(
                instrument,
                WindowKind.Sliding,
                $"sliding-{Seconds(options.SlidingSize)}s-{Seconds(options.SlidingSlide)}s",
                Micros(options.SlidingSize),
                Micros(options.SlidingSlide),
                _pool);
        }

        if (options.SessionGap > TimeSpan.Zero)
        {
            _sessions = new SessionWindows(instrument, $"session-{Seconds(options.SessionGap)}s", Micros(options.SessionGap), _barSeconds * 1_000_000L, _pool);
        }
    }

    public string Instrument { get; }

    /// <summary>Newest bar open time seen − allowed lateness, UTC µs; <see cref="long.MinValue"/> before the first bar.</summary>
    public long Watermark => _newest == long.MinValue ? long.MinValue : _newest - _lateness;

    public WindowStatistics Statistics
    {
        get
        {
            int open = 0, retained = 0;
            _tumbling?.Count(ref open, ref retained);
            _sliding?.Count(ref open, ref retained);
            _sessions?.Count(ref open, ref retained);
            return new WindowStatistics(_accepted, _lateDropped, _lateApplied, _reEmitted, _emitted, open, retained, _rejected, _duplicates, Watermark);
        }
    }

    /// <summary>
    /// Applies the update's closed bars of the configured interval and emits the windows the watermark closed.
    /// </summary>
    /// <returns>False when the update was refused for backpressure (nothing applied): take the closed windows first.</returns>
    /// <exception cref="ArgumentException">The update is for another instrument.</exception>
    public bool OnFeatures(FeatureUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (!string.Equals(update.Snapshot.Instrument, Instrument, StringComparison.Ordinal))
        {
            throw new ArgumentException($"A feature update of {update.Snapshot.Instrument} reached the window engine of {Instrument}.", nameof(update));
        }

        if (_pending.Count >= _maxPending)
        {
            _rejected++;
            return false;
        }

        var bars = update.ClosedBars;
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            if (bar.IntervalSeconds == _barSeconds && IsNew(bar))
            {
                Apply(bar);
            }
        }

        Fire();
        return true;
    }

    /// <summary>The windows emitted since the previous call, in emission order; empty when none.</summary>
    public IReadOnlyList<WindowResult> TakeClosed()
    {
        if (_pending.Count == 0)
        {
            return [];
        }

        var closed = _pending.ToArray();
        _pending.Clear();
        return closed;
    }

    private bool IsNew(Bar bar)
    {
        if (_lastBarByVenue.TryGetValue(bar.Venue, out var last) && bar.OpenTime <= last)
        {
            _duplicates++;
            return false;
        }

        _lastBarByVenue[bar.Venue] = bar.OpenTime;
        return true;
    }

    private void Apply(Bar bar)
    {
        var time = bar.OpenTime;
        var watermark = Watermark;
        if (time < watermark)
        {
            if (!_reemit || time < watermark - _horizon)
            {
                _lateDropped++;
                return;
            }

            _lateApplied++;
        }

        _newest = Math.Max(_newest, time);
        _accepted++;
        _tumbling?.Add(bar);
        _sliding?.Add(bar);
        _sessions?.Add(bar);
    }

    private void Fire()
    {
        var watermark = Watermark;
        if (watermark == long.MinValue)
        {
            return;
        }

        var releaseBefore = watermark - _horizon;
        var before = _pending.Count;
        _tumbling?.Fire(watermark, releaseBefore, _pending, ref _reEmitted);
        _sliding?.Fire(watermark, releaseBefore, _pending, ref _reEmitted);
        _sessions?.Fire(watermark, releaseBefore, _pending, ref _reEmitted);
        _emitted += _pending.Count - before;
    }

    private static long Micros(TimeSpan span) => span.Ticks / TimeSpan.TicksPerMicrosecond;

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString(CultureInfo.InvariantCulture);
}
