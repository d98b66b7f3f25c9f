using System.Net;
using System.Net.Http.Json;

namespace TgeSwarm.EndToEnd.Tests.Probe;

/// <summary>Drives the probe endpoints through HAProxy and classifies every answer instead of throwing.</summary>
internal sealed class ProbeClient(Uri haproxy) : IDisposable
{
    // Longer than HAProxy's own server timeout would make a stuck call look like success by omission; shorter keeps
    // the test's bounds meaningful. A silo answers a timed-out grain call with 503 after 30 s; HAProxy gives up at 35 s.
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(40);

    private readonly HttpClient _http = new() { BaseAddress = haproxy, Timeout = RequestTimeout };

    public async Task<ProbeReply> IncrementAsync(string key, CancellationToken cancellationToken) =>
        await SendAsync(key, new HttpRequestMessage(HttpMethod.Post, new Uri($"/probe/{key}/increment", UriKind.Relative)), cancellationToken);

    public async Task<ProbeReply> GetAsync(string key, CancellationToken cancellationToken) =>
        await SendAsync(key, new HttpRequestMessage(HttpMethod.Get, new Uri($"/probe/{key}", UriKind.Relative)), cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<ProbeReply> SendAsync(string key, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            try
            {
                using var response = await _http.SendAsync(request, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var body = await response.Content.ReadFromJsonAsync<ProbeBody>(cancellationToken);
                    return body is not null && body.Key == key && !string.IsNullOrEmpty(body.Silo)
                        ? ProbeReply.Acknowledged(key, body.Value, body.Silo)
                        : ProbeReply.Unexpected(key, response.StatusCode, $"malformed body {body}");
                }

                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                return response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
                    ? ProbeReply.Unavailable(key, $"{(int)response.StatusCode}: {Shorten(text)}")
                    : ProbeReply.Unexpected(key, response.StatusCode, text);
            }
            catch (HttpRequestException e)
            {
                return ProbeReply.Unavailable(key, $"{e.HttpRequestError}: {e.Message}");
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                return ProbeReply.Unavailable(key, $"no answer within {RequestTimeout.TotalSeconds:0} s ({e.Message})");
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : string.Concat(text.AsSpan(0, 300), "…");

    private sealed record ProbeBody(string Key, long Value, string Silo);
}
