namespace TgeSwarm.Grains.Market.Features;

/// <summary>
/// Exponential moving average, k = 2 / (period + 1), seeded as TA-Lib seeds it by default: the first value is the
/// simple average of the first <c>period</c> inputs, each later one is <c>previous + k · (input − previous)</c>.
/// (pandas' <c>ewm(adjust=False)</c> seeds with the first input instead and differs for a long while.)
/// </summary>
internal sealed class Ema
{
    private readonly double _k;
    private double _seedSum;
    private int _seeded;

    public Ema(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
        _k = 2.0 / (period + 1);
    }

    public int Period { get; }

    /// <summary>True once <see cref="Period"/> inputs seeded the average.</summary>
    public bool IsReady => _seeded == Period;

    /// <summary>The average; 0 until <see cref="IsReady"/>.</summary>
    public double Value { get; private set; }

    public void Add(double input)
    {
        if (_seeded < Period)
        {
            _seedSum += input;
            if (++_seeded == Period)
            {
                Value = _seedSum / Period;
            }

            return;
        }

        Value += _k * (input - Value);
    }
}
