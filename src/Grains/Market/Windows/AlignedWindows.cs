using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Grains.Market.Features;

namespace TgeSwarm.Grains.Market.Windows;

/// <summary>
/// Tumbling (slide = size) or sliding windows [k·slide, k·slide + size), aligned on the Unix epoch. A bar goes to
/// every window holding its open time (size / slide of them); a window exists only once a bar reached it, so empty
/// windows are never emitted. All windows have one size, so the list, kept in start order, is in end order too and
/// the windows the watermark passed are always a prefix.
/// </summary>
internal sealed class AlignedWindows
{
    private readonly List<WindowAggregate> _windows = [];
    private readonly WindowAggregatePool _pool;
    private readonly string _instrument;
    private readonly long _size;
    private readonly long _slide;

    public AlignedWindows(string instrument, WindowKind kind, string name, long sizeMicros, long slideMicros, WindowAggregatePool pool)
    {
        _instrument = instrument;
        Kind = kind;
        Name = name;
        _size = sizeMicros;
        _slide = slideMicros;
        _pool = pool;
    }

    public WindowKind Kind { get; }

    public string Name { get; }

    public void Add(Bar bar)
    {
        var time = bar.OpenTime;
        for (var start = BarBuilder.BucketStart(time, _slide); start > time - _size; start -= _slide)
        {
            Find(start).Add(bar);
        }
    }

    /// <summary>
    /// Emits the windows whose end the watermark reached and that hold bars not emitted yet, then releases those
    /// ending at or before <paramref name="releaseBefore"/> (the watermark itself under Drop, the watermark minus the
    /// re-emit horizon under UpdateAndReemit).
    /// </summary>
    public void Fire(long watermark, long releaseBefore, List<WindowResult> output, ref long reEmitted)
    {
        var released = 0;
        for (var i = 0; i < _windows.Count; i++)
        {
            var window = _windows[i];
            if (window.End > watermark)
            {
                break;
            }

            if (window.Dirty)
            {
                reEmitted += window.Emissions > 0 ? 1 : 0;
                output.Add(window.ToResult(_instrument, Kind, Name));
                window.Emissions++;
                window.Dirty = false;
            }

            if (window.End <= releaseBefore)
            {
                released++;
                _pool.Return(window);
            }
        }

        if (released > 0)
        {
            _windows.RemoveRange(0, released);
        }
    }

    public void Count(ref int open, ref int retained)
    {
        for (var i = 0; i < _windows.Count; i++)
        {
            if (_windows[i].Emissions == 0)
            {
                open++;
            }
            else
            {
                retained++;
            }
        }
    }

    // New bars land in the newest windows, so the search runs from the end.
    private WindowAggregate Find(long start)
    {
        var i = _windows.Count - 1;
        while (i >= 0 && _windows[i].Start > start)
        {
            i--;
        }

        if (i >= 0 && _windows[i].Start == start)
        {
            return _windows[i];
        }

        var window = _pool.Rent();
        window.Start = start;
        window.End = start + _size;
        _windows.Insert(i + 1, window);
        return window;
    }
}
