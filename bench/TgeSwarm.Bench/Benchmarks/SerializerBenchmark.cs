using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using TgeSwarm.Bench.Grains;
using TgeSwarm.Bench.Harness;
using TgeSwarm.Runtime.CodeRegistry;
using TgeSwarm.Runtime.Serialization;

namespace TgeSwarm.Bench.Benchmarks;

/// <summary>
/// Figure 2: a small trade record through the runtime's serializer (generated codec) and through source-generated
/// System.Text.Json, both writing into one reused <see cref="ArrayBufferWriter{T}"/> and reading from a span.
/// Each operation is a struct, so the loop is specialised per operation with no delegate in between.
/// </summary>
internal static class SerializerBenchmark
{
    private const int Rounds = 3;

    public static void Run(BenchOptions options)
    {
        var serializer = new SwarmSerializer(new CodecProvider(new SwarmCodeRegistry().AddAssembly(typeof(Trade).Assembly)));
        var buffer = new ArrayBufferWriter<byte>(256);
        var trade = new Trade("BTC-USDT", 67_321.45m, 0.01234m, 4_102_345_678_901, new DateTime(2025, 3, 14, 9, 26, 53, DateTimeKind.Utc).AddTicks(5_897_932), Side: true);

        serializer.Serialize(trade, buffer);
        var swarmBytes = buffer.WrittenSpan.ToArray();
        if (serializer.Deserialize<Trade>(swarmBytes) != trade)
        {
            throw new InvalidOperationException("The runtime serializer did not round-trip the trade.");
        }

        buffer.ResetWrittenCount();
        using var jsonWriter = new Utf8JsonWriter(buffer);
        JsonSerializer.Serialize(jsonWriter, trade, BenchJsonContext.Default.Trade);
        var jsonBytes = buffer.WrittenSpan.ToArray();
        if (JsonSerializer.Deserialize(jsonBytes, BenchJsonContext.Default.Trade) != trade)
        {
            throw new InvalidOperationException("System.Text.Json did not round-trip the trade.");
        }

        var iterations = options.Pick(100_000, 1_000_000);
        var swarmWrite = new SwarmWrite(serializer, buffer, trade);
        var jsonWrite = new JsonWrite(jsonWriter, buffer, trade);
        var swarmRead = new SwarmRead(serializer, swarmBytes);
        var jsonRead = new JsonRead(jsonBytes);

        // Even a quick run warms each operation long enough to reach tier-1 code, or its figures mean nothing.
        var warmUp = options.Quick ? TimeSpan.FromMilliseconds(150) : TimeSpan.FromMilliseconds(400);
        WarmUp(ref swarmWrite, warmUp);
        WarmUp(ref jsonWrite, warmUp);
        WarmUp(ref swarmRead, warmUp);
        WarmUp(ref jsonRead, warmUp);

        var sw = Best(ref swarmWrite, iterations);
        var jw = Best(ref jsonWrite, iterations);
        var sr = Best(ref swarmRead, iterations);
        var jr = Best(ref jsonRead, iterations);

        Report.Figure("serializer.payload_bytes", swarmBytes.Length, "bytes");
        Report.Figure("serializer.baseline_stj.payload_bytes", jsonBytes.Length, "bytes");
        Report.Figure("serializer.serialize.ns_per_op", sw.NsPerOp, "ns");
        Report.Figure("serializer.baseline_stj.serialize.ns_per_op", jw.NsPerOp, "ns");
        Report.Ratio("serializer.serialize.ratio_to_baseline", sw.NsPerOp, jw.NsPerOp);
        Report.Ratio("serializer.serialize.speedup_vs_baseline", jw.NsPerOp, sw.NsPerOp);
        Report.Figure("serializer.serialize.alloc_bytes_per_op", sw.BytesPerOp, "bytes");
        Report.Figure("serializer.baseline_stj.serialize.alloc_bytes_per_op", jw.BytesPerOp, "bytes");
        Report.Figure("serializer.deserialize.ns_per_op", sr.NsPerOp, "ns");
        Report.Figure("serializer.baseline_stj.deserialize.ns_per_op", jr.NsPerOp, "ns");
        Report.Ratio("serializer.deserialize.ratio_to_baseline", sr.NsPerOp, jr.NsPerOp);
        Report.Ratio("serializer.deserialize.speedup_vs_baseline", jr.NsPerOp, sr.NsPerOp);
        Report.Figure("serializer.deserialize.alloc_bytes_per_op", sr.BytesPerOp, "bytes");
        Report.Figure("serializer.baseline_stj.deserialize.alloc_bytes_per_op", jr.BytesPerOp, "bytes");
    }

    private static void WarmUp<TOp>(ref TOp op, TimeSpan duration)
        where TOp : struct, IOperation
    {
        // Long enough for tiered compilation to reach the optimised, PGO-instrumented tier; bounded either way.
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < 10_000_000 && Stopwatch.GetElapsedTime(started) < duration; i++)
        {
            for (var j = 0; j < 100; j++)
            {
                op.Invoke();
            }
        }
    }

    /// <summary>The fastest of <see cref="Rounds"/> rounds (noise only ever adds time); allocation of that round.</summary>
    private static (double NsPerOp, double BytesPerOp) Best<TOp>(ref TOp op, int iterations)
        where TOp : struct, IOperation
    {
        var best = (NsPerOp: double.MaxValue, BytesPerOp: 0.0);
        for (var round = 0; round < Rounds; round++)
        {
            var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < iterations; i++)
            {
                op.Invoke();
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            var bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
            var nsPerOp = elapsed.TotalNanoseconds / iterations;
            if (nsPerOp < best.NsPerOp)
            {
                best = (nsPerOp, (double)bytes / iterations);
            }
        }

        return best;
    }

    private interface IOperation
    {
        void Invoke();
    }

    private readonly struct SwarmWrite(SwarmSerializer serializer, ArrayBufferWriter<byte> buffer, Trade trade) : IOperation
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Invoke()
        {
            buffer.ResetWrittenCount();
            serializer.Serialize(trade, buffer);
        }
    }

    private readonly struct JsonWrite(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer, Trade trade) : IOperation
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Invoke()
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            JsonSerializer.Serialize(writer, trade, BenchJsonContext.Default.Trade);
        }
    }

    private struct SwarmRead(SwarmSerializer serializer, byte[] payload) : IOperation
    {
        public Trade? Last { get; private set; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Invoke() => Last = serializer.Deserialize<Trade>(payload);
    }

    private struct JsonRead(byte[] payload) : IOperation
    {
        public Trade? Last { get; private set; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Invoke() => Last = JsonSerializer.Deserialize(payload.AsSpan(), BenchJsonContext.Default.Trade);
    }
}
