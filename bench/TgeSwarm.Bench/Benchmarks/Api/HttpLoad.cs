using System.Diagnostics;
using System.Net;
using System.Net.Http;

namespace TgeSwarm.Bench.Benchmarks.Api;

/// <summary>
/// A closed-loop HTTP load: <c>concurrency</c> loops, each sending one GET and reading the whole body before the next,
/// over kept-alive connections (one per loop). A warm-up, then a fixed measured duration.
/// </summary>
internal static class HttpLoad
{
    // Bounds a loop's samples (and so memory) whatever the rate; at these rates a loop stays far below it.
    private const int MaxSamplesPerLoop = 2_000_000;

    public static HttpClient CreateClient(int concurrency) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = concurrency,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Runs the load on the paths (loop <c>i</c> uses <c>paths[i % paths.Count]</c>); warm-up requests are not counted.</summary>
    public static async Task<HttpLoadResult> RunAsync(
        HttpClient client, Uri baseUrl, IReadOnlyList<string> paths, string? apiKey, int concurrency, TimeSpan warmUp, TimeSpan measure, CancellationToken cancellationToken)
    {
        var uris = paths.Select(p => new Uri(baseUrl, p)).ToArray();
        var warmUntil = Stopwatch.GetTimestamp() + Ticks(warmUp);
        var stopAt = warmUntil + Ticks(measure);
        var loops = Enumerable.Range(0, concurrency)
            .Select(i => Task.Run(() => LoopAsync(client, uris[i % uris.Length], apiKey, warmUntil, stopAt, cancellationToken), cancellationToken))
            .ToArray();
        var results = await Task.WhenAll(loops);

        var samples = results.SelectMany(r => r.Samples).ToArray();
        Array.Sort(samples);
        return new HttpLoadResult(
            samples.Length / measure.TotalSeconds,
            Percentile(samples, 50),
            Percentile(samples, 95),
            Percentile(samples, 99),
            results.Sum(r => r.Failures),
            results.Select(r => r.FirstFailure).FirstOrDefault(f => f is not null),
            results.Sum(r => r.Bytes) / Math.Max(1, results.Sum(r => r.Samples.Count)));
    }

    private static async Task<LoopResult> LoopAsync(HttpClient client, Uri uri, string? apiKey, long warmUntil, long stopAt, CancellationToken cancellationToken)
    {
        var result = new LoopResult();
        var iterations = 0L;

        // Bounded twice: by the clock, and by a count no run reaches, so a stuck clock cannot spin forever.
        while (iterations++ < 100_000_000)
        {
            var started = Stopwatch.GetTimestamp();
            if (started >= stopAt)
            {
                break;
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            if (apiKey is not null)
            {
                request.Headers.Add("X-Api-Key", apiKey);
            }

            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var ended = Stopwatch.GetTimestamp();
            if (started < warmUntil || ended > stopAt)
            {
                // Warm-up, or a request that ends after the window: neither counts, so the rate is requests inside it.
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                result.Failures++;
                result.FirstFailure ??= $"{(int)response.StatusCode} {uri.PathAndQuery}: {System.Text.Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 300)))}";
                continue;
            }

            if (result.Samples.Count < MaxSamplesPerLoop)
            {
                result.Samples.Add(ended - started);
                result.Bytes += body.Length;
            }
        }

        return result;
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    private static double Percentile(long[] sorted, double percentile)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }

        var index = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)] * 1000.0 / Stopwatch.Frequency;
    }

    private sealed class LoopResult
    {
        public List<long> Samples { get; } = [];

        public long Bytes { get; set; }

        public long Failures { get; set; }

        public string? FirstFailure { get; set; }
    }
}
