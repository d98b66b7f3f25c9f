using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using TgeSwarm.Feeds.Sources;
using TgeSwarm.Grains.Tge.Classification;

namespace TgeSwarm.Bench.Benchmarks.Tge;

/// <summary>
/// The detection figure's baseline: the per-source work of the pipeline without grains or streams. One async loop
/// per source does a conditional GET (If-None-Match / If-Modified-Since) to the same local server, parses a 200 with
/// <see cref="SourceParsers"/>, and classifies each item not seen before with the same <see cref="TgeClassifier"/>,
/// then waits the same second before its next poll (the source grain schedules its next poll after the current one
/// ends, too). The first poll of a source only remembers what the page lists, as the grains' EmitExisting=false.
/// </summary>
internal sealed class BaselinePoller(IReadOnlyList<LocalSourceEndpoint> sources, TgeClassifier classifier, DetectionProbe probe)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _readySources;
    private long _polls;
    private long _failures;

    /// <summary>Completes when every source has made its first successful poll.</summary>
    public Task Ready => _ready.Task;

    public long Polls => Interlocked.Read(ref _polls);

    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Polls every source until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        })
        {
            Timeout = TimeSpan.FromSeconds(10),
        };
        await Task.WhenAll(sources.Select(source => Task.Run(() => PollLoopAsync(http, source, cancellationToken), CancellationToken.None)));
    }

    private async Task PollLoopAsync(HttpClient http, LocalSourceEndpoint source, CancellationToken cancellationToken)
    {
        var state = new SourceState(source);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await PollAsync(http, state, cancellationToken);
                await Task.Delay(Interval, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The phase is over.
        }
    }

    private async Task PollAsync(HttpClient http, SourceState state, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _polls);
        var polledAt = DateTimeOffset.UtcNow;
        using var request = new HttpRequestMessage(HttpMethod.Get, state.Source.Url);
        if (state.ETag is { } etag)
        {
            request.Headers.IfNoneMatch.Add(etag);
        }

        request.Headers.IfModifiedSince = state.LastModified;
        byte[] body;
        string? contentType;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return;
            }

            response.EnsureSuccessStatusCode();
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            contentType = response.Content.Headers.ContentType?.ToString();
            state.ETag = response.Headers.ETag;
            state.LastModified = response.Content.Headers.LastModified;
        }
        catch (HttpRequestException)
        {
            // Counted and reported beside the figures; the next poll tries again, as a source grain would.
            Interlocked.Increment(ref _failures);
            return;
        }

        var parsed = SourceParsers.Parse(state.Source.SourceId, state.Source.Kind, body, contentType, state.Source.Url, state.Settings);
        var seenAt = DateTimeOffset.UtcNow;
        var log = probe.Log;
        for (var i = parsed.Items.Count - 1; i >= 0; i--)
        {
            var item = parsed.Items[i];
            if (!state.Seen.Add(item.ItemId) || !state.FirstPollDone || log is null)
            {
                continue;
            }

            log.Polled(item.SourceId, item.ItemId, polledAt);
            var verdict = classifier.Classify(item.Title, item.Summary, item.Published);
            if (verdict.IsTge)
            {
                log.Detected(verdict.Symbol, new Detection(item.SourceId, item.ItemId, seenAt, DateTimeOffset.UtcNow, Stopwatch.GetTimestamp()));
            }
        }

        if (!state.FirstPollDone)
        {
            state.FirstPollDone = true;
            if (Interlocked.Increment(ref _readySources) == sources.Count)
            {
                _ready.TrySetResult();
            }
        }
    }

    private sealed class SourceState(LocalSourceEndpoint source)
    {
        public LocalSourceEndpoint Source { get; } = source;

        public SourceParseSettings Settings { get; } = new() { Html = source.Html };

        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

        public EntityTagHeaderValue? ETag { get; set; }

        public DateTimeOffset? LastModified { get; set; }

        public bool FirstPollDone { get; set; }
    }
}
