using TgeSwarm.Bench.Baselines;
using TgeSwarm.Bench.Harness;

namespace TgeSwarm.Bench.Benchmarks;

/// <summary>
/// The transport alone: request/response over one loopback connection built from <c>ConnectionListener</c>,
/// <c>ConnectionManager</c> and <c>Connection</c>, beside <see cref="RawSocketEcho"/> (the raw-socket floor), with a
/// 32-byte payload — sequential p50/p99 and calls/s at 1, 16 and 256 in flight, plus how many frames share a
/// socket write at 256 in flight.
/// </summary>
internal static class TransportBenchmark
{
    private const int PayloadBytes = 32;
    private static readonly int[] Concurrencies = [1, 16, 256];

    public static async Task RunAsync(BenchOptions options)
    {
        await using var raw = await RawSocketEcho.StartAsync(PayloadBytes);
        await using var transport = await ConnectionEcho.StartAsync(PayloadBytes);

        var calls = options.Pick(5_000, 50_000);
        await CallLoops.SequentialAsync(raw.CallAsync, calls / 4);
        await CallLoops.SequentialAsync(transport.CallAsync, calls / 4);
        var rawSeq = await CallLoops.SequentialAsync(raw.CallAsync, calls);
        var transportSeq = await CallLoops.SequentialAsync(transport.CallAsync, calls);
        Report.Figure("transport.connection.seq.p50_us", transportSeq.PercentileMicros(50), "us");
        Report.Figure("transport.connection.seq.p99_us", transportSeq.PercentileMicros(99), "us");
        Report.Figure("transport.baseline_raw_socket.seq.p50_us", rawSeq.PercentileMicros(50), "us");
        Report.Figure("transport.baseline_raw_socket.seq.p99_us", rawSeq.PercentileMicros(99), "us");
        Report.Ratio("transport.seq.p50.ratio_to_baseline", transportSeq.PercentileMicros(50), rawSeq.PercentileMicros(50));

        foreach (var concurrency in Concurrencies)
        {
            await CallLoops.ThroughputAsync(raw.CallAsync, concurrency, options.WarmUp);
            await CallLoops.ThroughputAsync(transport.CallAsync, concurrency, options.WarmUp);
            var best = 0.0;
            var baseline = 0.0;
            var framesBefore = transport.Connection.FramesSent;
            var flushesBefore = transport.Connection.Flushes;
            // Alternating rounds, best of each: on a shared machine noise only ever takes throughput away.
            for (var round = 0; round < options.Pick(1, 3); round++)
            {
                best = Math.Max(best, await CallLoops.ThroughputAsync(transport.CallAsync, concurrency, options.Measure));
                baseline = Math.Max(baseline, await CallLoops.ThroughputAsync(raw.CallAsync, concurrency, options.Measure));
            }

            Report.Figure($"transport.connection.c{concurrency}.calls_per_s", best, "calls/s");
            Report.Figure($"transport.baseline_raw_socket.c{concurrency}.calls_per_s", baseline, "calls/s");
            Report.Ratio($"transport.c{concurrency}.ratio_to_baseline", best, baseline);
            var flushes = transport.Connection.Flushes - flushesBefore;
            Report.Figure($"transport.connection.c{concurrency}.frames_per_flush",
                flushes == 0 ? 0 : (double)(transport.Connection.FramesSent - framesBefore) / flushes, "frames");
        }
    }
}
