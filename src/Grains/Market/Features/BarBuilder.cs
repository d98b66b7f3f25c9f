using TgeSwarm.Feeds.Books;
using TgeSwarm.Grains.Interfaces.Market;

namespace TgeSwarm.Grains.Market.Features;

/// <summary>
/// Builds OHLCV bars of one interval in event time. Buckets are [k·Δ, (k + 1)·Δ) in exchange time since the Unix
/// epoch. The open bar closes when a trade of a later bucket arrives (there is no timer: a quiet market keeps its
/// last bar open); buckets without trades produce no bar. Within a bucket open and close are the prices of the
/// trades with the earliest and the latest exchange time (arrival order breaks ties), not the first and last to
/// arrive.
/// </summary>
/// <remarks>
/// A trade of an earlier bucket than the open bar (late: a venue's recent-trades snapshot on subscribe, or clocks of
/// two connections) cannot go to its own bar, which is closed and published. It is folded into the open bar:
/// volume, quote volume and trade count (so the bars of a session add up to every trade), and high and low (so the
/// bar's VWAP stays inside its range); open and close keep the bar's own trades. It is counted in
/// <see cref="LateTrades"/>. Dropping it instead would make volumes disagree with the venue's trade tape; the
/// feature engine drops only trades too old to fold (<see cref="FeatureOptions.LateTradeTolerance"/>) before they
/// reach a builder.
/// </remarks>
internal sealed class BarBuilder
{
    private readonly string _venue;
    private readonly string _instrument;
    private readonly long _intervalMicros;
    private bool _isOpen;
    private long _openTime;
    private long _firstTime;
    private long _lastTime;
    private decimal _open;
    private decimal _high;
    private decimal _low;
    private decimal _close;
    private decimal _volume;
    private decimal _quoteVolume;
    private int _trades;

    public BarBuilder(string venue, string instrument, int intervalSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intervalSeconds, 1);
        _venue = venue;
        _instrument = instrument;
        IntervalSeconds = intervalSeconds;
        _intervalMicros = intervalSeconds * 1_000_000L;
    }

    public int IntervalSeconds { get; }

    public bool HasOpenBar => _isOpen;

    /// <summary>Bucket start of the open bar, UTC µs; meaningless without <see cref="HasOpenBar"/>.</summary>
    public long OpenTime => _openTime;

    /// <summary>Trades folded into a later bar than their own.</summary>
    public long LateTrades { get; private set; }

    /// <summary>Start of the bucket holding <paramref name="timestamp"/> (floor, also before 1970).</summary>
    public static long BucketStart(long timestamp, long intervalMicros)
    {
        var offset = timestamp % intervalMicros;
        return timestamp - (offset < 0 ? offset + intervalMicros : offset);
    }

    /// <param name="closed">The bar this trade closed, when it opened a later bucket while a bar was open.</param>
    public BarUpdate Add(long timestamp, decimal price, decimal size, out Bar? closed) =>
        Add(timestamp, price, size, FastDecimal.Multiply(price, size), out closed);

    /// <param name="quote">price × size, computed once by a caller feeding several builders.</param>
    /// <param name="closed">The bar this trade closed, when it opened a later bucket while a bar was open.</param>
    public BarUpdate Add(long timestamp, decimal price, decimal size, decimal quote, out Bar? closed)
    {
        closed = null;
        var bucket = BucketStart(timestamp, _intervalMicros);
        if (!_isOpen || bucket > _openTime)
        {
            if (_isOpen)
            {
                closed = Build();
            }

            Start(bucket, timestamp, price, size, quote);
            return BarUpdate.Opened;
        }

        // A trade of one instrument has the scales of the trades before it: sums and comparisons of one scale are
        // integer operations (FastDecimal), with decimal's own results.
        _volume = FastDecimal.Add(_volume, size);
        _quoteVolume = FastDecimal.Add(_quoteVolume, quote);
        _trades++;
        if (FastDecimal.Compare(price, _high) > 0)
        {
            _high = price;
        }

        if (FastDecimal.Compare(price, _low) < 0)
        {
            _low = price;
        }

        if (bucket < _openTime)
        {
            LateTrades++;
            return BarUpdate.Late;
        }

        if (timestamp < _firstTime)
        {
            _firstTime = timestamp;
            _open = price;
        }

        if (timestamp >= _lastTime)
        {
            _lastTime = timestamp;
            _close = price;
        }

        return BarUpdate.Extended;
    }

    /// <summary>The open bar as it stands, or null; it stays open.</summary>
    public Bar? Peek() => _isOpen ? Build() : null;

    private void Start(long bucket, long timestamp, decimal price, decimal size, decimal quote)
    {
        _isOpen = true;
        _openTime = bucket;
        _firstTime = timestamp;
        _lastTime = timestamp;
        _open = price;
        _high = price;
        _low = price;
        _close = price;
        _volume = size;
        _quoteVolume = quote;
        _trades = 1;
    }

    private Bar Build() =>
        new(_venue, _instrument, IntervalSeconds, _openTime, _open, _high, _low, _close, _volume, _quoteVolume, _trades);
}
