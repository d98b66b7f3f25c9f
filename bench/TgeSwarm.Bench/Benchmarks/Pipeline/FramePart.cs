namespace TgeSwarm.Bench.Benchmarks.Pipeline;

/// <summary>
/// Which frames of each connection a run feeds: one of <see cref="Of"/> equal parts of the warm-up, so that the
/// tiered JIT can finish between them what each started (a hot method is compiled again on its way up, instrumented
/// and then optimised, each time after enough calls), or the measured rest.
/// </summary>
internal readonly record struct FramePart(bool Measured, int Index, int Of)
{
    public static FramePart Measurement => new(Measured: true, 0, 1);

    public static FramePart WarmUp(int index, int of) => new(Measured: false, index, of);
}
