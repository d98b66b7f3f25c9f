using System.Collections.Frozen;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace TgeSwarm.Feeds.Sources.Server;

/// <summary>
/// Answers one request: finds the source by path, applies the source's next fault if any, else serves the current
/// version with ETag and Last-Modified, or 304 when the client's validators match (If-None-Match decides when sent;
/// If-Modified-Since only without it, as RFC 9110 orders them).
/// </summary>
internal sealed class SourceRequestHandler
{
    private readonly FrozenDictionary<string, SourceFeed> _byPath;
    private readonly FrozenDictionary<string, SourceFeed> _byId;
    private readonly SourceFaults _faults;
    private readonly SourceCounters _counters;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public SourceRequestHandler(IEnumerable<SourceFeed> feeds, SourceFaults faults, SourceCounters counters, TimeProvider time, ILogger logger)
    {
        var all = feeds.ToArray();
        _byPath = all.ToFrozenDictionary(f => f.Url.AbsolutePath, StringComparer.Ordinal);
        _byId = all.ToFrozenDictionary(f => f.Id, StringComparer.Ordinal);
        _faults = faults;
        _counters = counters;
        _time = time;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext context, CancellationToken stopping)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith(SourcePaths.LoopPrefix, StringComparison.Ordinal) && _byId.TryGetValue(path[SourcePaths.LoopPrefix.Length..], out var looped))
        {
            _counters.Request(looped.Id);
            await LoopAsync(context, looped, fromLoopPath: true);
            return;
        }

        if (!_byPath.TryGetValue(path, out var feed))
        {
            _counters.Request(null);
            SourceServerLog.NotFound(_logger, path);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        _counters.Request(feed.Id);
        var fault = _faults.Take(feed.Id);
        if (fault is null)
        {
            await ServeAsync(context, feed, malformed: false);
            return;
        }

        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        // The delay starts before the fault is logged, so whoever waits for the log line may move a fake clock on
        // and know the delay's timer already exists.
        var delay = fault.Kind == LocalSourceFaultKind.Slow ? Task.Delay(fault.Delay, _time, aborted.Token) : Task.CompletedTask;
        SourceServerLog.FaultInjected(_logger, feed.Id, fault.Kind, path);
        _counters.Fault(fault.Kind);
        switch (fault.Kind)
        {
            case LocalSourceFaultKind.ServerError:
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsync("injected fault: internal server error", context.RequestAborted);
                return;
            case LocalSourceFaultKind.RateLimited:
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = ((long)Math.Ceiling(fault.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return;
            case LocalSourceFaultKind.RedirectLoop:
                await LoopAsync(context, feed, fromLoopPath: false);
                return;
            default:
                try
                {
                    await delay;
                }
                catch (OperationCanceledException) when (aborted.IsCancellationRequested)
                {
                    // The client gave up or the server is stopping. Aborting (not returning) matters: an empty 200
                    // would read as a source that emptied its feed.
                    context.Abort();
                    return;
                }

                break;
        }

        await ServeAsync(context, feed, malformed: fault.Kind == LocalSourceFaultKind.MalformedBody);
    }

    private Task LoopAsync(HttpContext context, SourceFeed feed, bool fromLoopPath)
    {
        if (fromLoopPath)
        {
            if (!_faults.IsLooping(feed.Id))
            {
                // The loop was cleared while a client was inside it: send it home.
                context.Response.Redirect(feed.Url.AbsolutePath);
                return Task.CompletedTask;
            }

            _counters.Fault(LocalSourceFaultKind.RedirectLoop);
        }

        context.Response.Redirect(fromLoopPath ? feed.Url.AbsolutePath : SourcePaths.LoopPrefix + feed.Id);
        return Task.CompletedTask;
    }

    private async Task ServeAsync(HttpContext context, SourceFeed feed, bool malformed)
    {
        var snapshot = feed.Current;
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = new EntityTagHeaderValue(snapshot.ETag);
        headers.LastModified = snapshot.LastModified;
        headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        if (!malformed && IsNotModified(context.Request.GetTypedHeaders(), snapshot))
        {
            _counters.NotModified();
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var body = malformed ? Spoil(snapshot.Body) : snapshot.Body;
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = FeedRenderer.ContentType(feed.Kind);
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static bool IsNotModified(RequestHeaders request, SourceFeed.Snapshot snapshot)
    {
        var ifNoneMatch = request.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            return ifNoneMatch.Any(tag => tag.Tag == "*" || string.Equals(tag.Tag.Value, snapshot.ETag, StringComparison.Ordinal));
        }

        return request.IfModifiedSince is { } since && snapshot.LastModified <= since;
    }

    /// <summary>The first 60% of the body and a stray fragment: unclosed XML elements, an unterminated JSON string.</summary>
    private static byte[] Spoil(byte[] body)
    {
        var garbage = "<<\"\u0001{ broken"u8;
        var keep = body.Length * 6 / 10;
        var spoiled = new byte[keep + garbage.Length];
        body.AsSpan(0, keep).CopyTo(spoiled);
        garbage.CopyTo(spoiled.AsSpan(keep));
        return spoiled;
    }
}
