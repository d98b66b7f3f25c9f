using System.Diagnostics;
using System.Net.Http;
using System.Text.Json;
using TgeSwarm.Bench.Harness;

namespace TgeSwarm.Bench.Benchmarks.Api;

/// <summary>
/// <c>api</c>: the REST API of one real silo process under a closed-loop HTTP load from this process, directly and
/// through HAProxy: agent status reads and TGE event queries beside <c>/health/live</c> on the same server.
/// </summary>
internal static class ApiBenchmark
{
    private static readonly TimeSpan DataTimeout = TimeSpan.FromSeconds(90);

    public static async Task RunAsync(BenchOptions options)
    {
        var dll = SiloProcess.FindDll();
        if (dll is null)
        {
            Report.Note("api skipped: no TgeSwarm.Silo.dll; build it (dotnet build src/Silo -c Release) or set TGESWARM_BENCH_SILO_DLL");
            Report.Figure("api.skipped", 1, "flag");
            return;
        }

        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // The API is measured, not the market pipeline: without the replay the silo's CPU goes to the requests.
            ["Market:Replay:Enabled"] = "false",

            // No scheduled listings: the sources' seed listings alone, so every events page (direct and through
            // HAProxy) carries the same events; a listing every few seconds grew the page during the run.
            ["Tge:LocalSources:PublishEvery"] = "00:00:00",

            // 6 000 requests/s per key by default: the load is one key, so the limit is raised out of the way.
            ["Api:RateLimit:PermitLimit"] = "100000000",
        };
        Report.Note($"api: starting {dll} (Market:Replay:Enabled=false, Tge:LocalSources:PublishEvery=0, Api:RateLimit:PermitLimit=100000000)");
        await using var silo = await SiloProcess.StartAsync(dll, settings, cancel.Token);
        var paths = await ReadPathsAsync(silo.Url, cancel.Token);
        Report.Note($"api: {paths.AgentPaths.Count} agents ({string.Join(' ', paths.AgentPaths)}), {paths.Events} events");

        var concurrency = options.Pick(8, 16);
        var warmUp = options.Quick ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(2);
        var measure = options.Quick ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(5);
        Report.Note($"api: {concurrency} concurrent loops, {warmUp.TotalSeconds:0} s warm-up, {measure.TotalSeconds:0} s measured per figure, load average {LoadAverage()}");

        var direct = await MeasureAsync("api", silo.Url, paths, concurrency, warmUp, measure, cancel.Token);

        var haproxy = HaproxyProcess.Find();
        if (haproxy is null)
        {
            Report.Note("api.haproxy skipped: haproxy is not installed (sudo apt-get install -y haproxy; deploy/local-cluster.sh installs it too)");
            Report.Figure("api.haproxy.skipped", 1, "flag");
            return;
        }

        await using var proxy = await HaproxyProcess.StartAsync(haproxy, [silo.Url], concurrency, cancel.Token);
        Report.Note($"api.haproxy: {haproxy} -db on {proxy.Url} in front of the silo, load average {LoadAverage()}");
        var proxied = await MeasureAsync("api.haproxy", proxy.Url, paths, concurrency, warmUp, measure, cancel.Token);
        Report.Ratio("api.haproxy.agent_status.ratio_to_direct", proxied.AgentStatus.RequestsPerSecond, direct.AgentStatus.RequestsPerSecond);
        Report.Ratio("api.haproxy.tge_events.ratio_to_direct", proxied.Events.RequestsPerSecond, direct.Events.RequestsPerSecond);
        Report.Ratio("api.haproxy.health_live.ratio_to_direct", proxied.Baseline.RequestsPerSecond, direct.Baseline.RequestsPerSecond);
    }

    // The baseline is measured before and after the two API figures and averaged, so drift in the machine's load
    // during the run falls on both sides of the ratio.
    private static async Task<Measured> MeasureAsync(
        string prefix, Uri url, ApiPaths paths, int concurrency, TimeSpan warmUp, TimeSpan measure, CancellationToken cancellationToken)
    {
        using var client = HttpLoad.CreateClient(concurrency);

        // Every route under load once before anything counts: Kestrel's and the endpoints' code reaches tier 1 under
        // load, which otherwise happens during the first baseline (a first run measured it at a quarter of the last).
        var prime = warmUp * 3;
        await HttpLoad.RunAsync(client, url, ["/health/live", .. paths.AgentPaths, "/api/tge/events?limit=50"], SiloProcess.AdminKey, concurrency, prime, TimeSpan.FromMilliseconds(1), cancellationToken);
        var before = await HttpLoad.RunAsync(client, url, ["/health/live"], null, concurrency, warmUp, measure, cancellationToken);
        var status = await HttpLoad.RunAsync(client, url, paths.AgentPaths, SiloProcess.AdminKey, concurrency, warmUp, measure, cancellationToken);
        var events = await HttpLoad.RunAsync(client, url, ["/api/tge/events?limit=50"], SiloProcess.AdminKey, concurrency, warmUp, measure, cancellationToken);
        var after = await HttpLoad.RunAsync(client, url, ["/health/live"], null, concurrency, warmUp, measure, cancellationToken);

        var baseline = new HttpLoadResult(
            (before.RequestsPerSecond + after.RequestsPerSecond) / 2,
            (before.P50Milliseconds + after.P50Milliseconds) / 2,
            (before.P95Milliseconds + after.P95Milliseconds) / 2,
            (before.P99Milliseconds + after.P99Milliseconds) / 2,
            before.Failures + after.Failures,
            before.FirstFailure ?? after.FirstFailure,
            before.AverageBodyBytes);
        Print($"{prefix}.health_live", baseline);
        Print($"{prefix}.agent_status", status);
        Report.Ratio($"{prefix}.agent_status.ratio_to_baseline", status.RequestsPerSecond, baseline.RequestsPerSecond);
        Print($"{prefix}.tge_events", events);
        Report.Ratio($"{prefix}.tge_events.ratio_to_baseline", events.RequestsPerSecond, baseline.RequestsPerSecond);
        Report.Note($"{prefix}: baseline before {before.RequestsPerSecond:0} and after {after.RequestsPerSecond:0} requests/s; bodies: status {status.AverageBodyBytes} B, events {events.AverageBodyBytes} B");
        return new Measured(baseline, status, events);
    }

    private static void Print(string name, HttpLoadResult result)
    {
        Report.Figure($"{name}.requests_per_s", result.RequestsPerSecond, "req/s");
        Report.Figure($"{name}.p50_ms", result.P50Milliseconds, "ms");
        Report.Figure($"{name}.p95_ms", result.P95Milliseconds, "ms");
        Report.Figure($"{name}.p99_ms", result.P99Milliseconds, "ms");
        if (result.Failures > 0)
        {
            Report.Figure($"{name}.failures", result.Failures, "requests");
            Report.Note($"{name}: first failure {result.FirstFailure}");
        }
    }

    /// <summary>The agents the local TGE sources had the queen spawn, once the event store holds the seeds' events.</summary>
    private static async Task<ApiPaths> ReadPathsAsync(Uri url, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Add("X-Api-Key", SiloProcess.AdminKey);
        var deadline = Stopwatch.GetTimestamp() + (long)(DataTimeout.TotalSeconds * Stopwatch.Frequency);
        var agents = new List<string>();
        var events = 0;
        var last = -1;
        var stable = 0;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            using (var list = JsonDocument.Parse(await client.GetStringAsync("/api/agents", cancellationToken)))
            {
                agents = [.. list.RootElement.EnumerateArray().Select(a =>
                    $"/api/agents/{Uri.EscapeDataString(a.GetProperty("type").GetString()!)}/{Uri.EscapeDataString(a.GetProperty("key").GetString()!)}")];
            }

            using (var page = JsonDocument.Parse(await client.GetStringAsync("/api/tge/events?limit=50", cancellationToken)))
            {
                events = page.RootElement.GetProperty("items").GetArrayLength();
            }

            // Ready once the seeds' events are all detected: the count is the same three polls running.
            stable = events > 0 && events == last ? stable + 1 : 0;
            last = events;
            if (agents.Count > 0 && stable >= 3)
            {
                return new ApiPaths(agents, events);
            }

            await Task.Delay(1000, cancellationToken);
        }

        throw new TimeoutException($"After {DataTimeout.TotalSeconds} s the silo had {agents.Count} agents and {events} TGE events; the reads would return no data.");
    }

    /// <summary>The 1-minute load average, to say how busy the (shared) machine was.</summary>
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private sealed record ApiPaths(IReadOnlyList<string> AgentPaths, int Events);

    private sealed record Measured(HttpLoadResult Baseline, HttpLoadResult AgentStatus, HttpLoadResult Events);
}
