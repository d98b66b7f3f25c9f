using System.Diagnostics;
using TgeSwarm.Bench.Harness;

namespace TgeSwarm.Bench.Benchmarks.Api;

/// <summary>
/// <c>dashboard_overhead</c>: the CPU time of one silo process replaying the market at ten times recorded speed over
/// fixed windows with no dashboard open and with three open (SSE clients with the login cookie reading continuously),
/// the two kinds of window alternating on the same process; medians per kind.
/// </summary>
internal static class DashboardOverheadBenchmark
{
    private const int Dashboards = 3;

    public static async Task RunAsync(BenchOptions options)
    {
        var dll = SiloProcess.FindDll();
        if (dll is null)
        {
            Report.Note("dashboard_overhead skipped: no TgeSwarm.Silo.dll; build it (dotnet build src/Silo -c Release) or set TGESWARM_BENCH_SILO_DLL");
            Report.Figure("dashboard_overhead.skipped", 1, "flag");
            return;
        }

        var runs = options.Pick(3, 5);
        var window = options.Quick ? TimeSpan.FromSeconds(8) : TimeSpan.FromSeconds(20);
        var settle = options.Quick ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(15);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Market:Replay:Enabled"] = "true",
            ["Market:Replay:Speed"] = "10",
        };
        Report.Note($"dashboard_overhead: starting {dll} (Market:Replay:Enabled=true, Speed=10); {runs} runs of two {window.TotalSeconds:0} s windows after {settle.TotalSeconds:0} s to settle");
        await using var silo = await SiloProcess.StartAsync(dll, settings, cancel.Token);

        // The first seconds are start-up work (JIT, activations, the replay's first snapshots), not the steady state.
        await Task.Delay(settle, cancel.Token);

        using var client = HttpLoad.CreateClient(Dashboards);
        var none = new List<double>();
        var three = new List<double>();
        long snapshots = 0;
        for (var run = 0; run < runs; run++)
        {
            // Alternating which kind goes first, so a trend over the run (the replay's loop, tiering) falls on both.
            var threeFirst = run % 2 == 1;
            for (var half = 0; half < 2; half++)
            {
                var withDashboards = (half == 0) == threeFirst;
                if (withDashboards)
                {
                    var (seconds, received) = await WindowWithDashboardsAsync(client, silo, window, cancel.Token);
                    three.Add(seconds);
                    snapshots += received;
                }
                else
                {
                    none.Add(await CpuOverAsync(silo, window, cancel.Token));
                }

                if (silo.HasExited)
                {
                    throw new InvalidOperationException("The silo exited during the measurement.");
                }
            }

            Report.Note($"dashboard_overhead run {run + 1}: none {none[^1]:0.00} s, three {three[^1]:0.00} s CPU per {window.TotalSeconds:0} s, load average {ApiBenchmark.LoadAverage()}");
        }

        var noneMedian = Median(none);
        var threeMedian = Median(three);
        Report.Figure("dashboard_overhead.none.cpu_s", noneMedian, "s");
        Report.Figure("dashboard_overhead.three_dashboards.cpu_s", threeMedian, "s");
        Report.Figure("dashboard_overhead.window_s", window.TotalSeconds, "s");
        Report.Ratio("dashboard_overhead.three_dashboards.ratio_to_baseline", threeMedian, noneMedian);
        Report.Figure("dashboard_overhead.overhead_percent", noneMedian == 0 ? 0 : (threeMedian / noneMedian - 1) * 100, "%");
        Report.Figure("dashboard_overhead.snapshots_per_dashboard_per_window", (double)snapshots / (runs * Dashboards), "snapshots");
    }

    private static async Task<(double Seconds, long Snapshots)> WindowWithDashboardsAsync(HttpClient client, SiloProcess silo, TimeSpan window, CancellationToken cancellationToken)
    {
        var open = new List<DashboardClient>();
        try
        {
            for (var i = 0; i < Dashboards; i++)
            {
                open.Add(await DashboardClient.OpenAsync(client, silo.Url, SiloProcess.AdminKey, cancellationToken));
            }

            var before = open.Sum(d => d.Snapshots);
            var seconds = await CpuOverAsync(silo, window, cancellationToken);
            if (open.Any(d => !d.IsOpen))
            {
                throw new InvalidOperationException("A dashboard stream ended during the window.");
            }

            return (seconds, open.Sum(d => d.Snapshots) - before);
        }
        finally
        {
            foreach (var dashboard in open)
            {
                await dashboard.DisposeAsync();
            }
        }
    }

    private static async Task<double> CpuOverAsync(SiloProcess silo, TimeSpan window, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var before = ProcessCpu.Seconds(silo.Pid);
        await Task.Delay(window, cancellationToken);
        var after = ProcessCpu.Seconds(silo.Pid);

        // Scaled to the nominal window: a delay that overslept on the loaded machine would count as overhead otherwise.
        return (after - before) * window.TotalSeconds / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
