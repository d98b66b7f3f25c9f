namespace TgeSwarm.Bench.Harness;

/// <summary>Run length: <c>--quick</c> is a smoke run (seconds in all), the default a measurement run (under two minutes).</summary>
internal sealed class BenchOptions
{
    public required bool Quick { get; init; }

    /// <summary><c>--alloc-profile</c>: after the local-call and activation figures, one more grain run each with allocations sampled by type (stderr).</summary>
    public bool AllocProfile { get; init; }

    public TimeSpan WarmUp => Quick ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(1);

    public TimeSpan Measure => Quick ? TimeSpan.FromMilliseconds(500) : TimeSpan.FromSeconds(3);

    /// <summary>Picks the quick or the full value.</summary>
    public int Pick(int quick, int full) => Quick ? quick : full;
}
