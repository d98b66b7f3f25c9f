namespace TgeSwarm.Bench.Benchmarks.Tge;

/// <summary>
/// The silo singleton through which the probe grains reach the log of the phase being measured (warm-up or run).
/// Notices of no phase (between phases) are dropped.
/// </summary>
internal sealed class DetectionProbe
{
    private DetectionLog? _log;

    public DetectionLog? Log
    {
        get => Volatile.Read(ref _log);
        set => Volatile.Write(ref _log, value);
    }
}
