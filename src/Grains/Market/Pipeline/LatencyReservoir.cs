namespace TgeSwarm.Grains.Market.Pipeline;

/// <summary>
/// The last <see cref="Capacity"/> latency samples in a ring, for percentiles over recent traffic. Writers are
/// cache activations on any thread; a torn read of one slot only blurs a percentile, so slots are plain doubles.
/// </summary>
internal sealed class LatencyReservoir
{
    public const int Capacity = 4096;

    private readonly double[] _samples = new double[Capacity];
    private long _count;

    public void Add(double value)
    {
        var index = Interlocked.Increment(ref _count) - 1;
        _samples[index % Capacity] = value;
    }

    /// <summary>Samples taken so far (all time).</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>The given percentiles (0–100) over the retained samples; NaN when there are none.</summary>
    public double[] Percentiles(params double[] percentiles)
    {
        ArgumentNullException.ThrowIfNull(percentiles);
        var retained = (int)Math.Min(Count, Capacity);
        var result = new double[percentiles.Length];
        if (retained == 0)
        {
            Array.Fill(result, double.NaN);
            return result;
        }

        var sorted = _samples.AsSpan(0, retained).ToArray();
        Array.Sort(sorted);
        for (var i = 0; i < percentiles.Length; i++)
        {
            var rank = (int)Math.Ceiling(percentiles[i] / 100 * retained) - 1;
            result[i] = sorted[Math.Clamp(rank, 0, retained - 1)];
        }

        return result;
    }

    public void Reset() => Interlocked.Exchange(ref _count, 0);
}
