namespace TgeSwarm.Grains.Market.Features;

/// <summary>
/// Relative strength index with Wilder's smoothing, as StockCharts and TA-Lib compute it. Over the changes between
/// consecutive inputs: the first average gain and loss are the simple averages of the first <c>period</c> changes
/// (so the first value comes with input <c>period + 1</c>); later ones are <c>(previous · (period − 1) + x) / period</c>.
/// RSI = 100 − 100 / (1 + avgGain / avgLoss), computed as 100 · avgGain / (avgGain + avgLoss) so that a series
/// without losses gives 100 without dividing by zero. A flat series (no gain, no loss) gives 50: neither reference
/// defines it sensibly (TA-Lib returns 0), and "neither side is stronger" is what 50 means.
/// </summary>
internal sealed class WilderRsi
{
    private double _previous;
    private bool _hasPrevious;
    private int _changes;
    private double _averageGain;
    private double _averageLoss;

    public WilderRsi(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        Period = period;
    }

    public int Period { get; }

    public bool IsReady => _changes >= Period;

    /// <summary>The RSI in [0, 100]; 0 until <see cref="IsReady"/>.</summary>
    public double Value { get; private set; }

    public void Add(double input)
    {
        if (!_hasPrevious)
        {
            _previous = input;
            _hasPrevious = true;
            return;
        }

        var change = input - _previous;
        _previous = input;
        var gain = change > 0 ? change : 0;
        var loss = change < 0 ? -change : 0;
        if (_changes < Period)
        {
            // Seeding: sum the first changes, average them when the period is full.
            _averageGain += gain;
            _averageLoss += loss;
            if (++_changes < Period)
            {
                return;
            }

            _averageGain /= Period;
            _averageLoss /= Period;
        }
        else
        {
            _averageGain = ((_averageGain * (Period - 1)) + gain) / Period;
            _averageLoss = ((_averageLoss * (Period - 1)) + loss) / Period;
        }

        var total = _averageGain + _averageLoss;
        Value = total > 0 ? 100.0 * _averageGain / total : 50.0;
    }
}
