using TgeSwarm.Grains.Interfaces.Market;

namespace TgeSwarm.Grains.Market.Stages;

/// <summary>The most recent closed bars of one venue and interval, oldest first, bounded.</summary>
internal sealed class BarRing(int capacity)
{
    private readonly Bar[] _bars = new Bar[capacity];
    private int _start;
    private int _count;

    public void Add(Bar bar)
    {
        if (_count < _bars.Length)
        {
            _bars[(_start + _count++) % _bars.Length] = bar;
        }
        else
        {
            _bars[_start] = bar;
            _start = (_start + 1) % _bars.Length;
        }
    }

    /// <summary>The newest <paramref name="count"/> bars (or all there are), oldest first.</summary>
    public Bar[] Latest(int count)
    {
        var take = Math.Min(count, _count);
        var result = new Bar[take];
        for (var i = 0; i < take; i++)
        {
            result[i] = _bars[(_start + _count - take + i) % _bars.Length];
        }

        return result;
    }
}
