using TgeSwarm.Grains.Interfaces.Market;

namespace TgeSwarm.Grains.Market.Windows;

/// <summary>
/// The running aggregate of one window: mutable and pooled, so windows opening and closing allocate nothing but
/// the emitted <see cref="WindowResult"/>. Ties between bars of the same open time (two venues) go to the venue
/// first in ordinal order, so the result does not depend on which venue's update arrived first.
/// </summary>
internal sealed class WindowAggregate
{
    private readonly List<string> _venues = new(4);
    private long _firstTime;
    private string _firstVenue = "";
    private long _lastTime;
    private string _lastVenue = "";
    private long _tradeCount;
    private decimal _first;
    private decimal _last;
    private decimal _high;
    private decimal _low;
    private decimal _volume;
    private decimal _quoteVolume;

    public long Start { get; set; }

    /// <summary>Exclusive end: fixed for aligned windows, the last bar's end for a session.</summary>
    public long End { get; set; }

    /// <summary>Times emitted so far: the revision of the next emission.</summary>
    public int Emissions { get; set; }

    /// <summary>Holds bars not yet in an emission.</summary>
    public bool Dirty { get; set; }

    public int BarCount { get; private set; }

    public void Add(Bar bar)
    {
        if (BarCount == 0)
        {
            _firstTime = bar.OpenTime;
            _firstVenue = bar.Venue;
            _first = bar.Open;
            _lastTime = bar.OpenTime;
            _lastVenue = bar.Venue;
            _last = bar.Close;
            _high = bar.High;
            _low = bar.Low;
        }
        else
        {
            TakeFirst(bar.OpenTime, bar.Venue, bar.Open);
            TakeLast(bar.OpenTime, bar.Venue, bar.Close);
            _high = Math.Max(_high, bar.High);
            _low = Math.Min(_low, bar.Low);
        }

        BarCount++;
        _tradeCount += bar.TradeCount;
        _volume += bar.Volume;
        _quoteVolume += bar.QuoteVolume;
        AddVenue(bar.Venue);
        Dirty = true;
    }

    /// <summary>Folds <paramref name="other"/> in (sessions joined by a bar between them); bounds and emission state are the caller's.</summary>
    public void Merge(WindowAggregate other)
    {
        if (other.BarCount == 0)
        {
            return;
        }

        if (BarCount == 0)
        {
            _firstTime = other._firstTime;
            _firstVenue = other._firstVenue;
            _first = other._first;
            _lastTime = other._lastTime;
            _lastVenue = other._lastVenue;
            _last = other._last;
            _high = other._high;
            _low = other._low;
        }
        else
        {
            TakeFirst(other._firstTime, other._firstVenue, other._first);
            TakeLast(other._lastTime, other._lastVenue, other._last);
            _high = Math.Max(_high, other._high);
            _low = Math.Min(_low, other._low);
        }

        BarCount += other.BarCount;
        _tradeCount += other._tradeCount;
        _volume += other._volume;
        _quoteVolume += other._quoteVolume;
        for (var i = 0; i < other._venues.Count; i++)
        {
            AddVenue(other._venues[i]);
        }
    }

    public WindowResult ToResult(string instrument, WindowKind kind, string name)
    {
        var venues = _venues.ToArray();
        Array.Sort(venues, StringComparer.Ordinal);
        return new WindowResult(
            instrument, kind, name, Start, End, Emissions, BarCount, _tradeCount, _first, _high, _low, _last, _volume, _quoteVolume, venues);
    }

    public void Reset()
    {
        _venues.Clear();
        _firstVenue = "";
        _lastVenue = "";
        Start = 0;
        End = 0;
        Emissions = 0;
        Dirty = false;
        BarCount = 0;
        _tradeCount = 0;
        _volume = 0;
        _quoteVolume = 0;
    }

    private void TakeFirst(long time, string venue, decimal price)
    {
        if (time < _firstTime || (time == _firstTime && string.CompareOrdinal(venue, _firstVenue) < 0))
        {
            _firstTime = time;
            _firstVenue = venue;
            _first = price;
        }
    }

    private void TakeLast(long time, string venue, decimal price)
    {
        if (time > _lastTime || (time == _lastTime && string.CompareOrdinal(venue, _lastVenue) < 0))
        {
            _lastTime = time;
            _lastVenue = venue;
            _last = price;
        }
    }

    private void AddVenue(string venue)
    {
        for (var i = 0; i < _venues.Count; i++)
        {
            if (string.Equals(_venues[i], venue, StringComparison.Ordinal))
            {
                return;
            }
        }

        _venues.Add(venue);
    }
}
