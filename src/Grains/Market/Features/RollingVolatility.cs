namespace TgeSwarm.Grains.Market.Features;

/// <summary>
/// Realised volatility over a rolling window of equal time slots: √Σr² of the log returns whose slot lies in the
/// last <see cref="Window"/> slots up to the newest one added. No mean is subtracted and nothing is annualised. A
/// slot without a return (an interval without trades, its price carried forward) adds zero, which is why the window
/// counts slots rather than returns.
/// </summary>
/// <remarks>
/// The sum is recomputed from the held returns on every add (at most <see cref="Window"/> of them, once per closed
/// bar) instead of kept by adding and subtracting, which would drift and could go slightly negative.
/// </remarks>
internal sealed class RollingVolatility
{
    private readonly long[] _slots;
    private readonly double[] _squares;
    private int _start;
    private int _count;
    private long _lastSlot = long.MinValue;

    public RollingVolatility(int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        Window = window;
        _slots = new long[window];
        _squares = new double[window];
    }

    public int Window { get; }

    /// <summary>Returns currently inside the window.</summary>
    public int Count => _count;

    /// <summary>√Σr² over the window; 0 before the first return.</summary>
    public double Value { get; private set; }

    /// <param name="slot">The return's interval (e.g. its bar's open time in seconds); strictly increasing.</param>
    /// <exception cref="ArgumentOutOfRangeException">A slot not after the previous one.</exception>
    public void Add(long slot, double logReturn)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(slot, _lastSlot);
        _lastSlot = slot;
        while (_count > 0 && _slots[_start] <= slot - Window)
        {
            _start = (_start + 1) % Window;
            _count--;
        }

        // Slots are distinct and all in (slot − Window, slot], so at most Window − 1 survive: there is room.
        var end = (_start + _count) % Window;
        _slots[end] = slot;
        _squares[end] = logReturn * logReturn;
        _count++;

        var sum = 0.0;
        for (var i = 0; i < _count; i++)
        {
            sum += _squares[(_start + i) % Window];
        }

        Value = Math.Sqrt(sum);
    }
}
