using System.Diagnostics;
using System.Runtime;

namespace TgeSwarm.Bench.Benchmarks.Pipeline;

/// <summary>
/// Waits after a warm-up until the JIT has compiled nothing for a while (at most a few seconds): on two shared cores
/// the background tier-up was still compiling ~1 400 methods (3.6 s of JIT time) during a 5.5 s measured grains run
/// after a 400 000-frame warm-up, which is start-up cost, not the pipeline's.
/// </summary>
internal static class JitSettling
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    /// <returns>How long it waited and how many methods the JIT compiled meanwhile.</returns>
    public static async Task<(TimeSpan Waited, long Compiled)> WaitAsync()
    {
        var started = Stopwatch.GetTimestamp();
        var quietSince = started;
        var compiled = JitInfo.GetCompiledMethodCount();
        var first = compiled;
        while (Stopwatch.GetElapsedTime(quietSince) < Quiet && Stopwatch.GetElapsedTime(started) < Limit)
        {
            await Task.Delay(50);
            var now = JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                quietSince = Stopwatch.GetTimestamp();
            }
        }

        return (Stopwatch.GetElapsedTime(started), compiled - first);
    }
}
