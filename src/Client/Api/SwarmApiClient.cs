using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TgeSwarm.Grains.Interfaces.Market;
using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Runtime;

namespace TgeSwarm.Client.Api;

/// <summary>
/// A typed client of the silo's REST API (src/Silo/Api/API.md) over an <see cref="HttpClient"/> whose
/// <see cref="HttpClient.BaseAddress"/> is a silo or HAProxy (<c>http://127.0.0.1:8080/</c>). Every call sends the
/// API key in <c>X-Api-Key</c>; every error answer becomes a <see cref="SwarmApiException"/> carrying the server's
/// ProblemDetails. The client does not retry: a 429 or 503 says when to, in <see cref="SwarmApiException.RetryAfter"/>.
/// </summary>
public sealed partial class SwarmApiClient
{
    public const string ApiKeyHeader = "X-Api-Key";

    private readonly HttpClient _http;
    private readonly string _apiKey;

    public SwarmApiClient(HttpClient httpClient, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        _http = httpClient;
        _apiKey = apiKey;
    }

    public Task<CurrentApiKey> GetCurrentKeyAsync(CancellationToken cancellationToken = default) =>
        SendAsync<CurrentApiKey>(HttpMethod.Get, "api/keys/current", null, cancellationToken);

    public Task<CreatedApiKey> CreateKeyAsync(string name, string role, CancellationToken cancellationToken = default) =>
        SendAsync<CreatedApiKey>(HttpMethod.Post, "api/keys", new { name, role }, cancellationToken);

    public Task<IReadOnlyList<ApiKeyInfo>> ListKeysAsync(CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<ApiKeyInfo>>(HttpMethod.Get, "api/keys", null, cancellationToken);

    public Task RevokeKeyAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"api/keys/{Segment(id)}", null, cancellationToken);

    public Task<AuditPage> GetAuditAsync(int? limit = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        SendAsync<AuditPage>(HttpMethod.Get, "api/audit" + Query(("limit", Number(limit)), ("cursor", cursor)), null, cancellationToken);

    public Task<IReadOnlyList<SiloHostInfo>> GetSilosAsync(bool includeInactive = false, CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<SiloHostInfo>>(HttpMethod.Get, "api/cluster/silos" + (includeInactive ? "?all=true" : ""), null, cancellationToken);

    public Task<IReadOnlyList<GrainTypeActivations>> GetGrainTypesAsync(CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<GrainTypeActivations>>(HttpMethod.Get, "api/cluster/grains", null, cancellationToken);

    public Task<IReadOnlyList<FeatureSnapshot>> GetFeaturesAsync(string instrument, CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<FeatureSnapshot>>(HttpMethod.Get, $"api/market/{Segment(instrument)}/features", null, cancellationToken);

    public Task<IReadOnlyList<Bar>> GetBarsAsync(string instrument, string venue, int? intervalSeconds = null, int? count = null, CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<Bar>>(
            HttpMethod.Get,
            $"api/market/{Segment(instrument)}/bars" + Query(("venue", venue), ("interval", Number(intervalSeconds)), ("count", Number(count))),
            null,
            cancellationToken);

    public Task<IReadOnlyList<ReadCacheInfo>> GetReadCachesAsync(CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<ReadCacheInfo>>(HttpMethod.Get, "api/market/cache", null, cancellationToken);

    public Task<TgeEventPage> QueryTgeEventsAsync(TgeEventQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var path = "api/tge/events" + Query(
            ("from", query.From?.ToString("O", CultureInfo.InvariantCulture)),
            ("to", query.To?.ToString("O", CultureInfo.InvariantCulture)),
            ("token", query.Token),
            ("kind", query.Kind?.ToString().ToLowerInvariant()),
            ("minConfidence", query.MinConfidence?.ToString("R", CultureInfo.InvariantCulture)),
            ("limit", Number(query.Limit)),
            ("cursor", query.Cursor));
        return SendAsync<TgeEventPage>(HttpMethod.Get, path, null, cancellationToken);
    }

    public Task<TgeEvent> GetTgeEventAsync(string tokenSlug, CancellationToken cancellationToken = default) =>
        SendAsync<TgeEvent>(HttpMethod.Get, $"api/tge/events/{Segment(tokenSlug)}", null, cancellationToken);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(method, path, body, cancellationToken);
        var value = await response.Content.ReadFromJsonAsync<T>(SwarmApiJson.Options, cancellationToken);
        return value ?? throw new SwarmApiException($"{method} {path} answered {(int)response.StatusCode} with an empty body.");
    }

    private async Task SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(method, path, body, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendCoreAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Add(ApiKeyHeader, _apiKey);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: SwarmApiJson.Options);
        }

        var response = await _http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw new SwarmApiException(response.StatusCode, await ReadProblemAsync(response, cancellationToken), response.Headers.RetryAfter?.Delta);
        }
    }

    private static async Task<ApiProblem> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            if (JsonSerializer.Deserialize<ApiProblem>(text, SwarmApiJson.Options) is { Title: not null } problem)
            {
                return problem;
            }
        }
        catch (JsonException)
        {
            // Not a problem document (a proxy's HTML error page, say): fall through to a stand-in that keeps the text.
        }

        return new ApiProblem(null, response.ReasonPhrase ?? response.StatusCode.ToString(), (int)response.StatusCode, text.Length > 500 ? text[..500] : text, null);
    }

    private static string Segment(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        return Uri.EscapeDataString(value);
    }

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var query = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            if (value is null)
            {
                continue;
            }

            query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        return query.ToString();
    }
}
