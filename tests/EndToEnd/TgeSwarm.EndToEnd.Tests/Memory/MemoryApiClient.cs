using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace TgeSwarm.EndToEnd.Tests.Memory;

/// <summary>
/// Drives the REST API's memory namespaces through HAProxy with an API key: one entry (<see cref="Key"/>) per namespace,
/// written with the version last read, so a write that lands on a moved or lost entry is refused instead of applied.
/// Every answer is classified instead of thrown.
/// </summary>
internal sealed class MemoryApiClient : IDisposable
{
    public const string Key = "counter";

    // Longer than HAProxy's own server timeout would make a stuck call look like success by omission; shorter keeps
    // the test's bounds meaningful. A silo answers a timed-out grain call with 503 after 30 s; HAProxy gives up at 35 s.
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(40);

    private readonly HttpClient _http;

    public MemoryApiClient(Uri haproxy, string apiKey)
    {
        _http = new HttpClient { BaseAddress = haproxy, Timeout = RequestTimeout };
        _http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
    }

    public Task<MemoryReply> SetAsync(string ns, long value, long expectedVersion, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, EntryUri(ns))
        {
            Content = JsonContent.Create(new SetBody(value, expectedVersion)),
        };
        return SendAsync(ns, request, async (response, ct) =>
            await response.Content.ReadFromJsonAsync<WrittenBody>(ct) is { } written && written.Namespace == ns && written.Key == Key && written.Version > 0
                ? MemoryReply.Acknowledged(ns, value, written.Version)
                : MemoryReply.Unexpected(ns, response.StatusCode, "malformed body"), cancellationToken);
    }

    public Task<MemoryReply> GetAsync(string ns, CancellationToken cancellationToken) =>
        SendAsync(ns, new HttpRequestMessage(HttpMethod.Get, EntryUri(ns)), async (response, ct) =>
            await response.Content.ReadFromJsonAsync<EntryBody>(ct) is { } entry && entry.Key == Key
                && long.TryParse(entry.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? MemoryReply.Acknowledged(ns, value, entry.Version)
                : MemoryReply.Unexpected(ns, response.StatusCode, "malformed body"), cancellationToken);

    /// <summary>Activations of <paramref name="grainType"/> per silo (runtime identity), from <c>GET /api/cluster/grains</c>.</summary>
    public async Task<IReadOnlyDictionary<string, int>> GetActivationsAsync(string grainType, CancellationToken cancellationToken)
    {
        var types = await _http.GetFromJsonAsync<GrainTypeBody[]>(new Uri("/api/cluster/grains", UriKind.Relative), cancellationToken)
            ?? throw new InvalidOperationException("GET /api/cluster/grains answered null.");
        return types.SingleOrDefault(t => t.GrainType == grainType) is { } type
            ? type.Silos.ToDictionary(s => s.SiloAddress, s => s.Activations, StringComparer.Ordinal)
            : new Dictionary<string, int>(StringComparer.Ordinal);
    }

    public void Dispose() => _http.Dispose();

    private static Uri EntryUri(string ns) => new($"/api/memory/{Uri.EscapeDataString(ns)}/{Key}", UriKind.Relative);

    private async Task<MemoryReply> SendAsync(
        string ns,
        HttpRequestMessage request,
        Func<HttpResponseMessage, CancellationToken, Task<MemoryReply>> readSuccess,
        CancellationToken cancellationToken)
    {
        using (request)
        {
            try
            {
                using var response = await _http.SendAsync(request, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return await readSuccess(response, cancellationToken);
                }

                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                return response.StatusCode switch
                {
                    HttpStatusCode.Conflict => MemoryReply.Conflict(ns, Shorten(text)),
                    HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout =>
                        MemoryReply.Unavailable(ns, $"{(int)response.StatusCode}: {Shorten(text)}"),
                    _ => MemoryReply.Unexpected(ns, response.StatusCode, text),
                };
            }
            catch (HttpRequestException e)
            {
                return MemoryReply.Unavailable(ns, $"{e.HttpRequestError}: {e.Message}");
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                return MemoryReply.Unavailable(ns, $"no answer within {RequestTimeout.TotalSeconds:0} s ({e.Message})");
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : string.Concat(text.AsSpan(0, 300), "…");

    private sealed record SetBody(long Value, long ExpectedVersion);

    private sealed record WrittenBody(string Namespace, string Key, long Version);

    private sealed record EntryBody(string Key, string Value, long Version);

    private sealed record GrainTypeBody(string GrainType, int Total, SiloBody[] Silos);

    private sealed record SiloBody(string SiloAddress, int Activations);
}
