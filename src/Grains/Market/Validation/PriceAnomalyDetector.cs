namespace TgeSwarm.Grains.Market.Validation;

/// <summary>
/// The statistical check of one instrument's trade prices. A trade's move is the log of its price over the last
/// accepted trade's; it is scored against the window of recent accepted moves with the robust z-score
/// <c>(move - median) / (1.4826 · MAD)</c>, which one bad print cannot inflate the way it inflates a standard deviation.
/// <para>
/// Tick data often has more than half of its moves exactly zero (trades at the same price), so the MAD is zero. Then
/// the scale falls back to 1.2533 times the mean absolute deviation around the median (both constants make the scale
/// equal σ for normal data); when that is zero too, every move but the median one scores infinity, and
/// <see cref="MarketValidationOptions.PriceAnomalyMinMove"/> alone decides. A move within that minimum of the median
/// move is never an anomaly.
/// </para>
/// <para>
/// A rejected trade neither moves the reference price nor enters the window. If the market really jumped, trades
/// keep landing far from the reference: once <see cref="MarketValidationOptions.PriceAnomalyConfirmations"/> of them
/// in a row agree with each other (each one's move from the previous rejected price is not an anomaly itself), the
/// last is accepted and becomes the reference ("re-anchoring"); a stream of scattered bad prices never agrees and
/// stays rejected.
/// </para>
/// <para>
/// A detector can be <see cref="Seed">seeded</see> with a baseline remembered from an earlier activation (the memory
/// coordinator's <c>market.anomalies</c>): until its own window holds the warm-up's moves, trades are scored against
/// the seed's median and scale with the same rules (minimum move, confirmations), instead of passing unchecked; then
/// its own window takes over. The first trade still only sets the reference, since the seed holds no price.
/// </para>
/// Not thread-safe.
/// </summary>
internal sealed class PriceAnomalyDetector
{
    private const double MadToSigma = 1.4826;
    private const double MeanDeviationToSigma = 1.2533;

    private readonly RollingMedianWindow _moves;
    private readonly int _warmUp;
    private readonly double _threshold;
    private readonly double _minMove;
    private readonly int _confirmations;
    private double _reference = double.NaN;
    private double _candidate = double.NaN;
    private int _candidateRun;
    private double _seedMedian = double.NaN;
    private double _seedScale = double.NaN;

    public PriceAnomalyDetector(int window, int warmUp, double threshold, double minMove, int confirmations)
    {
        _moves = new RollingMedianWindow(window);
        _warmUp = warmUp;
        _threshold = threshold;
        _minMove = minMove;
        _confirmations = confirmations;
    }

    /// <summary>Moves currently in the window.</summary>
    public int Moves => _moves.Count;

    /// <summary>Whether trades are scored against a seed because the own window is still warming up.</summary>
    public bool IsSeeded => _moves.Count < _warmUp && !double.IsNaN(_seedScale);

    /// <summary>
    /// Scores the trades of the warm-up against <paramref name="median"/> and <paramref name="scale"/> (a baseline
    /// learned before, see <see cref="TryGetBaseline"/>) instead of taking them unchecked. False, and nothing changes,
    /// once the own window is past warm-up: what it learned is newer than any remembered baseline.
    /// </summary>
    public bool Seed(double median, double scale)
    {
        if (!double.IsFinite(median))
        {
            throw new ArgumentOutOfRangeException(nameof(median), median, "A seeded median must be finite.");
        }

        if (!(scale > 0 && double.IsFinite(scale)))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "A seeded scale must be positive and finite.");
        }

        if (_moves.Count >= _warmUp)
        {
            return false;
        }

        _seedMedian = median;
        _seedScale = scale;
        return true;
    }

    /// <summary>
    /// The median and scale the next move beyond the minimum would be scored against: the own window's once past
    /// warm-up, else the seed's (<see cref="AnomalyBaseline.Recalled"/>); false while unseeded in warm-up, when
    /// nothing is checked. Costs the MAD (O(log n)), or the mean absolute deviation (O(n)) when the MAD is 0.
    /// </summary>
    public bool TryGetBaseline(out AnomalyBaseline baseline)
    {
        if (_moves.Count >= _warmUp)
        {
            baseline = new AnomalyBaseline(_moves.Median(), Scale(), _moves.Count, Recalled: false);
            return true;
        }

        if (IsSeeded)
        {
            baseline = new AnomalyBaseline(_seedMedian, _seedScale, _moves.Count, Recalled: true);
            return true;
        }

        baseline = default;
        return false;
    }

    /// <summary>Scores a trade at <paramref name="price"/> (positive) and, unless it is rejected, takes it as the new reference.</summary>
    public AnomalyVerdict Observe(decimal price, out AnomalyScore score)
    {
        var logPrice = Math.Log((double)price);
        if (double.IsNaN(_reference))
        {
            _reference = logPrice;
            score = default;
            return AnomalyVerdict.Accepted;
        }

        var move = logPrice - _reference;
        var warm = _moves.Count >= _warmUp;
        if (!warm && double.IsNaN(_seedScale))
        {
            score = default;
            Accept(logPrice, move);
            return AnomalyVerdict.Accepted;
        }

        // Nearly every move is within the minimum: then the O(log n) MAD (and the O(n) fallback) is not needed.
        var median = warm ? _moves.Median() : _seedMedian;
        if (Math.Abs(move - median) <= _minMove)
        {
            score = default;
            Accept(logPrice, move);
            return AnomalyVerdict.Accepted;
        }

        var scale = warm ? Scale() : _seedScale;
        score = new AnomalyScore(Score(move, median, scale), move, median, scale);
        if (score.Z <= _threshold)
        {
            Accept(logPrice, move);
            return AnomalyVerdict.Accepted;
        }

        // Agreeing with the previous rejected price extends the run; anything else starts a new one here.
        _candidateRun = !double.IsNaN(_candidate) && !IsAnomaly(logPrice - _candidate, median, scale) ? _candidateRun + 1 : 1;
        _candidate = logPrice;
        if (_candidateRun < _confirmations)
        {
            return AnomalyVerdict.Rejected;
        }

        // The jump itself stays out of the window: it says nothing about the size of ordinary moves.
        _reference = logPrice;
        ResetCandidate();
        return AnomalyVerdict.Reanchored;
    }

    private void Accept(double logPrice, double move)
    {
        _moves.Add(move);
        _reference = logPrice;
        ResetCandidate();
    }

    private void ResetCandidate()
    {
        _candidate = double.NaN;
        _candidateRun = 0;
    }

    private bool IsAnomaly(double move, double median, double scale)
    {
        return Math.Abs(move - median) > _minMove && Score(move, median, scale) > _threshold;
    }

    private double Scale()
    {
        var mad = _moves.MedianAbsoluteDeviation();
        return mad > 0 ? MadToSigma * mad : MeanDeviationToSigma * _moves.MeanAbsoluteDeviation();
    }

    private static double Score(double move, double median, double scale)
    {
        var deviation = Math.Abs(move - median);
        if (scale > 0)
        {
            return deviation / scale;
        }

        return deviation > 0 ? double.PositiveInfinity : 0;
    }
}
