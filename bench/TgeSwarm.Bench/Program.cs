using System.Diagnostics;
using System.Runtime.InteropServices;
using TgeSwarm.Bench.Benchmarks;
using TgeSwarm.Bench.Harness;

// dotnet run -c Release --project bench/TgeSwarm.Bench -- [--quick] [--alloc-profile] [local_call] [serializer] [activations] [postgres] [transport] [remote_call] [failure_detection] [memory_stream] [postgres_queue] [postgres_stream] [parse] [pipeline] [pipeline_small] [tge_throughput] [tge_detection] [api] [dashboard_overhead]
// Figures go to stdout as "BENCH <name> <value> <unit>"; notes and reasons go to stderr.
var all = new[] { "serializer", "local_call", "activations", "postgres", "transport", "remote_call", "failure_detection", "memory_stream", "postgres_queue", "postgres_stream", "parse", "pipeline", "pipeline_small", "tge_throughput", "tge_detection" };

// These start silo processes (a Release build of src/Silo) and run for minutes: only when named.
var named = new[] { "api", "dashboard_overhead" };
var quick = args.Contains("--quick", StringComparer.Ordinal);
var allocProfile = args.Contains("--alloc-profile", StringComparer.Ordinal);
var unknown = args.Where(a => a.StartsWith('-') && a is not "--quick" and not "--alloc-profile").ToArray();
var names = args.Where(a => !a.StartsWith('-')).ToArray();
var bad = names.Except(all.Concat(named), StringComparer.Ordinal).ToArray();
if (unknown.Length > 0 || bad.Length > 0)
{
    Console.Error.WriteLine($"unknown argument(s): {string.Join(' ', unknown.Concat(bad))}");
    Console.Error.WriteLine($"usage: TgeSwarm.Bench [--quick] [--alloc-profile] [{string.Join("] [", all.Concat(named))}]   (none: all but {string.Join(", ", named)})");
    return 2;
}

var selected = names.Length == 0 ? all : all.Concat(named).Where(names.Contains).ToArray();
var options = new BenchOptions { Quick = quick, AllocProfile = allocProfile };
Report.Note($"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, "
    + $"server GC {System.Runtime.GCSettings.IsServerGC}, {(quick ? "quick" : "full")} run: {string.Join(' ', selected)}");
var started = Stopwatch.GetTimestamp();
foreach (var name in selected)
{
    var one = Stopwatch.GetTimestamp();
    switch (name)
    {
        case "serializer":
            SerializerBenchmark.Run(options);
            break;
        case "local_call":
            await LocalCallBenchmark.RunAsync(options);
            break;
        case "activations":
            await ActivationBenchmark.RunAsync(options);
            break;
        case "postgres":
            await PostgresBenchmark.RunAsync(options);
            break;
        case "failure_detection":
            await FailureDetectionBenchmark.RunAsync(options);
            break;
        case "remote_call":
            await RemoteCallBenchmark.RunAsync(options);
            break;
        case "transport":
            await TransportBenchmark.RunAsync(options);
            break;
        case "postgres_queue":
            await PostgresQueueBenchmark.RunAsync(options);
            break;
        case "memory_stream":
            await MemoryStreamBenchmark.RunAsync(options);
            break;
        case "postgres_stream":
            await PostgresStreamBenchmark.RunAsync(options);
            break;
        case "parse":
            ParseBenchmark.Run(options);
            break;
        case "tge_throughput": await TgeSwarm.Bench.Benchmarks.Tge.TgeThroughputBenchmark.RunAsync(options); break;
        case "tge_detection":
            await TgeSwarm.Bench.Benchmarks.Tge.TgeDetectionBenchmark.RunAsync(options);
            break;
        case "api":
            await TgeSwarm.Bench.Benchmarks.Api.ApiBenchmark.RunAsync(options);
            break;
        case "dashboard_overhead":
            await TgeSwarm.Bench.Benchmarks.Api.DashboardOverheadBenchmark.RunAsync(options);
            break;
        case "pipeline":
            await TgeSwarm.Bench.Benchmarks.Pipeline.PipelineBenchmark.RunAsync(options);
            break;
        case "pipeline_small":
            await TgeSwarm.Bench.Benchmarks.Pipeline.SmallPipelineBenchmark.RunAsync(options);
            break;
    }

    Report.Note($"{name} took {Stopwatch.GetElapsedTime(one).TotalSeconds:0.0} s");
}

Report.Note($"total {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
return 0;
