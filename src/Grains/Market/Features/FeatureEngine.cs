using TgeSwarm.Feeds;
using TgeSwarm.Feeds.Books;
using TgeSwarm.Grains.Interfaces.Market;

namespace TgeSwarm.Grains.Market.Features;

/// <summary>
/// The features of one instrument on one venue, computed in event time (exchange timestamps) from its normalised
/// trades and book updates; FEATURES.md defines every figure.
/// </summary>
/// <remarks>
/// <para>
/// Trades build 1 s and 1 min bars (and bars of the indicator interval when it is neither) in
/// <see cref="BarBuilder"/>s; a bar closes when a trade of a later bucket arrives, so bars are final once closed
/// and every figure derived from closed bars (returns, volatility, RSI, MACD) is never revised. Book updates only
/// set the top-of-book figures: their timestamps come from another clock (or are receive times on some venues), so
/// letting them close bars would make trades of the bar they closed late.
/// </para>
/// <para>
/// Inputs are applied as they come; <see cref="TakeUpdate"/> turns what changed since the previous take into one
/// <see cref="FeatureUpdate"/>, so a grain publishes once per turn, not once per event. The hot path allocates
/// nothing but the closed <see cref="Bar"/> records; the snapshot is built only when taken. The caller routes
/// inputs by key: the trade's venue and instrument are not checked again here. Not thread-safe: one engine per
/// grain activation, driven by one turn at a time.
/// </para>
/// </remarks>
internal sealed partial class FeatureEngine
{
    private const long MicrosPerSecond = 1_000_000;

    private readonly string _venue;
    private readonly string _instrument;
    private readonly int _indicatorSeconds;
    private readonly BarBuilder _seconds;
    private readonly BarBuilder _minutes;
    private readonly BarBuilder? _indicatorBars;
    private readonly WilderRsi _rsi;
    private readonly Macd _macd;
    private readonly RollingVolatility _volatility;
    private readonly Queue<Bar> _closed;
    private readonly int _barsKept;
    private readonly long _lateTolerance;

    private bool _changed;
    private long _timestamp;
    private long _lastTradeTime = long.MinValue;
    private decimal _lastPrice;
    private decimal _sessionQuoteVolume;
    private decimal _sessionVolume;
    private long _tradeCount;
    private decimal _previousSecondClose;
    private double _logReturn;

    public FeatureEngine(string venue, string instrument, FeatureOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(venue);
        ArgumentException.ThrowIfNullOrEmpty(instrument);
        ArgumentNullException.ThrowIfNull(options);
        FeatureOptionsValidator.ThrowIfInvalid(options);
        _venue = venue;
        _instrument = instrument;
        _indicatorSeconds = options.IndicatorBarSeconds;
        _seconds = new BarBuilder(venue, instrument, 1);
        _minutes = new BarBuilder(venue, instrument, 60);
        _indicatorBars = _indicatorSeconds is 1 or 60 ? null : new BarBuilder(venue, instrument, _indicatorSeconds);
        _rsi = new WilderRsi(options.RsiPeriod);
        _macd = new Macd(options.MacdFastPeriod, options.MacdSlowPeriod, options.MacdSignalPeriod);
        _volatility = new RollingVolatility(options.VolatilityWindowBars);
        _barsKept = options.BarsKept;
        _lateTolerance = options.LateTradeTolerance.Ticks / TimeSpan.TicksPerMicrosecond;
        _closed = new Queue<Bar>(Math.Min(_barsKept, 64));
    }

    public string Venue => _venue;

    public string Instrument => _instrument;

    /// <summary>Trades older than the open 1 s bar, folded into it (see <see cref="BarBuilder"/>).</summary>
    public long LateTrades => _seconds.LateTrades;

    /// <summary>Trades older than the open 1 s bar by more than <see cref="FeatureOptions.LateTradeTolerance"/>, dropped.</summary>
    public long DroppedTrades { get; private set; }

    /// <summary>Closed bars dropped because more than <see cref="FeatureOptions.BarsKept"/> waited for a take.</summary>
    public long DroppedBars { get; private set; }

    public long TradeCount => _tradeCount;

    public void OnTrade(Trade trade)
    {
        ArgumentNullException.ThrowIfNull(trade);
        var time = trade.Timestamp;
        var price = trade.Price;
        var size = trade.Size;
        if (_seconds.HasOpenBar && time < _seconds.OpenTime - _lateTolerance)
        {
            // Too old to fold without distorting the newest bars (a replay of history); no bar or figure takes it.
            DroppedTrades++;
            _changed = true;
            return;
        }

        // Decimal multiplication is the costliest step of a trade: once, not once per builder, and as one 64-bit
        // product when the mantissas allow (FastDecimal gives decimal's own result, scale included).
        var quote = FastDecimal.Multiply(price, size);
        if (_seconds.Add(time, price, size, quote, out var second) != BarUpdate.Late && time >= _lastTradeTime)
        {
            _lastTradeTime = time;
            _lastPrice = price;
        }

        if (second is not null)
        {
            Closed(second);
        }

        _minutes.Add(time, price, size, quote, out var minute);
        if (minute is not null)
        {
            Closed(minute);
        }

        if (_indicatorBars is not null)
        {
            _indicatorBars.Add(time, price, size, quote, out var indicator);
            if (indicator is not null)
            {
                Closed(indicator);
            }
        }

        _sessionVolume = FastDecimal.Add(_sessionVolume, size);
        _sessionQuoteVolume = FastDecimal.Add(_sessionQuoteVolume, quote);
        _tradeCount++;
        if (time > _timestamp)
        {
            _timestamp = time;
        }

        _changed = true;
    }

    /// <summary>
    /// Takes what changed since the previous take: the snapshot as of now and the bars closed since, oldest first.
    /// Null when no input arrived since.
    /// </summary>
    /// <param name="receivedAt">The update's <see cref="FeatureUpdate.ReceivedAt"/>, which the grain knows and the engine does not.</param>
    /// <param name="frames">The update's <see cref="FeatureUpdate.Frames"/>.</param>
    public FeatureUpdate? TakeUpdate(long receivedAt = 0, int frames = 0)
    {
        if (!_changed)
        {
            return null;
        }

        _changed = false;
        Bar[] bars = _closed.Count == 0 ? [] : _closed.ToArray();
        _closed.Clear();
        return new FeatureUpdate(Snapshot(), bars, receivedAt, frames);
    }

    private void Closed(Bar bar)
    {
        if (_closed.Count == _barsKept)
        {
            _closed.Dequeue();
            DroppedBars++;
        }

        _closed.Enqueue(bar);
        if (bar.IntervalSeconds == 1)
        {
            OnSecondClosed(bar);
        }

        if (bar.IntervalSeconds == _indicatorSeconds)
        {
            var close = (double)bar.Close;
            _rsi.Add(close);
            _macd.Add(close);
        }
    }

    // The return spans any empty seconds before the bar: their price is carried forward, so they add nothing.
    private void OnSecondClosed(Bar bar)
    {
        if (_previousSecondClose > 0 && bar.Close > 0)
        {
            _logReturn = Math.Log((double)bar.Close / (double)_previousSecondClose);
            _volatility.Add(bar.OpenTime / MicrosPerSecond, _logReturn);
        }

        _previousSecondClose = bar.Close;
    }
}
