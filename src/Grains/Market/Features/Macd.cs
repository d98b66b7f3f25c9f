namespace TgeSwarm.Grains.Market.Features;

/// <summary>
/// Moving average convergence/divergence with TA-Lib's seeding, so values equal TA-Lib's <c>TA_MACD</c> from its
/// first output on. Both EMAs start at input <c>slow − 1</c>: the slow one seeded with the SMA of the first
/// <c>slow</c> inputs, the fast one with the SMA of the <c>fast</c> inputs ending at the same index (the first
/// <c>slow − fast</c> inputs never reach it; a fast EMA started at input <c>fast − 1</c> gives other values for
/// hundreds of inputs). The signal is an EMA of the MACD line seeded with the SMA of its first <c>signal</c> values;
/// line, signal and histogram are published together from input <c>slow + signal − 2</c> (0-based), TA-Lib's lookback.
/// </summary>
internal sealed class Macd
{
    private readonly Ema _fast;
    private readonly Ema _slow;
    private readonly Ema _signal;
    private readonly int _fastSkip;
    private int _skipped;

    public Macd(int fastPeriod, int slowPeriod, int signalPeriod)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fastPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(slowPeriod, fastPeriod);
        _fast = new Ema(fastPeriod);
        _slow = new Ema(slowPeriod);
        _signal = new Ema(signalPeriod);
        _fastSkip = slowPeriod - fastPeriod;
    }

    /// <summary>True once the signal line exists; <see cref="Line"/>, <see cref="Signal"/> and <see cref="Histogram"/> are 0 before.</summary>
    public bool IsReady => _signal.IsReady;

    /// <summary>Fast EMA − slow EMA.</summary>
    public double Line { get; private set; }

    public double Signal { get; private set; }

    /// <summary>Line − signal.</summary>
    public double Histogram { get; private set; }

    public void Add(double input)
    {
        _slow.Add(input);
        if (_skipped < _fastSkip)
        {
            _skipped++;
        }
        else
        {
            _fast.Add(input);
        }

        // The fast EMA is seeded on the same input as the slow one.
        if (!_slow.IsReady)
        {
            return;
        }

        var line = _fast.Value - _slow.Value;
        _signal.Add(line);
        if (_signal.IsReady)
        {
            Line = line;
            Signal = _signal.Value;
            Histogram = line - Signal;
        }
    }
}
