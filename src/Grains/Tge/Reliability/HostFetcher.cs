using System.Net;
using System.Net.Http.Headers;
using TgeSwarm.Grains.Interfaces.Tge.Sources;

namespace TgeSwarm.Grains.Tge.Reliability;

/// <summary>
/// One attempt of a conditional GET: follows redirects by hand (so a loop is caught when a URL repeats and the final
/// URL is known), reads at most the policy's cap of body bytes, and turns every way the host or the network can fail
/// into a <see cref="TgeFetchResponse"/> with an outcome. Only the caller's own cancellation escapes as an exception.
/// Runs off the grain's scheduler: it touches nothing but its arguments.
/// </summary>
internal sealed class HostFetcher(HttpClient http, TimeProvider time)
{
    private const int ReadChunk = 16 * 1024;

    public async Task<TgeFetchResponse> FetchAsync(TgeFetchRequest request, HostPolicy policy, CancellationToken cancellationToken)
    {
        var url = new Uri(request.Url, UriKind.Absolute);
        using var attempt = new CancellationTokenSource(policy.AttemptTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attempt.Token);
        var visited = new HashSet<string>(StringComparer.Ordinal) { url.AbsoluteUri };
        try
        {
            for (var hop = 0; ; hop++)
            {
                using var message = CreateRequest(url, request, policy);
                using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
                if (IsRedirect(response.StatusCode))
                {
                    var location = response.Headers.Location;
                    if (location is null)
                    {
                        return Failure(TgeFetchOutcome.ClientError, response, url, "a redirect without a Location header");
                    }

                    var next = location.IsAbsoluteUri ? location : new Uri(url, location);
                    if (next.Scheme is not ("http" or "https"))
                    {
                        return Failure(TgeFetchOutcome.TooManyRedirects, response, url, $"a redirect to a {next.Scheme} location");
                    }

                    if (!visited.Add(next.AbsoluteUri))
                    {
                        return Failure(TgeFetchOutcome.TooManyRedirects, response, url, $"a redirect loop back to {next.AbsoluteUri}");
                    }

                    if (hop >= policy.MaxRedirects)
                    {
                        return Failure(TgeFetchOutcome.TooManyRedirects, response, url, $"more than {policy.MaxRedirects} redirects");
                    }

                    url = next;
                    continue;
                }

                return await ReadAsync(response, url, policy, linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Failure(TgeFetchOutcome.Timeout, null, url, $"no complete answer within {policy.AttemptTimeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException exception)
        {
            return Failure(TgeFetchOutcome.NetworkError, null, url, exception.HttpRequestError == HttpRequestError.Unknown
                ? exception.Message
                : $"{exception.HttpRequestError}: {exception.Message}");
        }
        catch (IOException exception)
        {
            // A body cut short mid-read surfaces as an IOException from the content stream.
            return Failure(TgeFetchOutcome.NetworkError, null, url, exception.Message);
        }
    }

    private static HttpRequestMessage CreateRequest(Uri url, TgeFetchRequest request, HostPolicy policy)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, url) { Version = HttpVersion.Version11 };
        message.Headers.TryAddWithoutValidation("User-Agent", policy.UserAgent);
        if (request.Headers is { } headers)
        {
            foreach (var (name, value) in headers)
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (request.ETag is { } etag)
        {
            message.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (request.LastModified is { } lastModified)
        {
            message.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }

        return message;
    }

    private async Task<TgeFetchResponse> ReadAsync(HttpResponseMessage response, Uri url, HostPolicy policy, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return Answer(TgeFetchOutcome.NotModified, response, url, [], null);
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return Failure(TgeFetchOutcome.RateLimited, response, url, "429 Too Many Requests");
        }

        if (status >= 500)
        {
            return Failure(TgeFetchOutcome.ServerError, response, url, $"{status} {response.ReasonPhrase}");
        }

        if (status is < 200 or >= 300)
        {
            return Failure(TgeFetchOutcome.ClientError, response, url, $"{status} {response.ReasonPhrase}");
        }

        if (response.Content.Headers.ContentLength > policy.MaxBodyBytes)
        {
            return Failure(TgeFetchOutcome.BodyTooLarge, response, url, $"Content-Length {response.Content.Headers.ContentLength} is over the {policy.MaxBodyBytes}-byte cap");
        }

        var body = await ReadCappedAsync(response.Content, policy.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        return body is null
            ? Failure(TgeFetchOutcome.BodyTooLarge, response, url, $"the body is over the {policy.MaxBodyBytes}-byte cap")
            : Answer(TgeFetchOutcome.Ok, response, url, body, null);
    }

    /// <summary>The body, or null when it is longer than <paramref name="cap"/> (reading stops at the cap).</summary>
    private static async Task<byte[]?> ReadCappedAsync(HttpContent content, int cap, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[ReadChunk];
        while (true)
        {
            var read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(ReadChunk, cap + 1L - buffer.Length)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.ToArray();
            }

            buffer.Write(chunk, 0, read);
            if (buffer.Length > cap)
            {
                return null;
            }
        }
    }

    private TgeFetchResponse Failure(TgeFetchOutcome outcome, HttpResponseMessage? response, Uri url, string detail) =>
        Answer(outcome, response, url, [], detail);

    private TgeFetchResponse Answer(TgeFetchOutcome outcome, HttpResponseMessage? response, Uri url, byte[] body, string? detail) => new(
        outcome,
        response is null ? 0 : (int)response.StatusCode,
        url.AbsoluteUri,
        body,
        response?.Content.Headers.ContentType?.ToString(),
        response?.Headers.ETag?.ToString(),
        response is not null && response.Content.Headers.TryGetValues("Last-Modified", out var lastModified) ? lastModified.FirstOrDefault() : null,
        response is null ? null : RetryAfter(response.Headers.RetryAfter),
        1,
        detail);

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
