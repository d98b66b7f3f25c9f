using System.Net;
using System.Net.Http.Json;
using TgeSwarm.Client.Api;

namespace TgeSwarm.Silo.Tests.Api;

public sealed class ApiAuthenticationTests(ApiSiloFactory factory) : IClassFixture<ApiSiloFactory>, IDisposable
{
    private readonly HttpClient _http = factory.CreateClient();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task A_request_without_a_key_is_a_401_problem_that_names_the_header()
    {
        using var response = await _http.GetAsync(new Uri("/api/cluster/silos", UriKind.Relative));

        var problem = await ApiResponses.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("X-Api-Key", problem.Detail, StringComparison.Ordinal);
        Assert.Equal("ApiKey header=\"X-Api-Key\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task An_unknown_key_is_a_401_problem()
    {
        using var request = ApiResponses.Request(HttpMethod.Get, "/api/cluster/silos", "tgs_not-a-key-anyone-was-ever-given-000000000000");
        using var response = await _http.SendAsync(request);

        var problem = await ApiResponses.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("The API key is not valid.", problem.Title);
        Assert.Contains("not known to this cluster", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_with_a_401_that_says_it_was_revoked()
    {
        var admin = factory.Admin();
        var key = await admin.CreateKeyAsync("to-revoke", "viewer");
        var before = await factory.Client(key.Key).GetCurrentKeyAsync();

        await admin.RevokeKeyAsync(key.Id);
        var refused = await Assert.ThrowsAsync<SwarmApiException>(() => factory.Client(key.Key).GetCurrentKeyAsync());

        Assert.Equal(new CurrentApiKey(key.Id, "to-revoke", "viewer"), before);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("The API key was revoked.", refused.Problem.Title);
        Assert.Contains($"'to-revoke' ({key.Id}) was revoked", refused.Problem.Detail, StringComparison.Ordinal);
        var listed = Assert.Single(await admin.ListKeysAsync(), k => k.Id == key.Id);
        Assert.NotNull(listed.RevokedAt);
    }

    [Fact]
    public async Task A_created_key_is_256_random_bits_shown_once_and_never_listed()
    {
        var admin = factory.Admin();

        var created = await admin.CreateKeyAsync("ci-bot", "operator");
        var listed = await admin.ListKeysAsync();

        Assert.StartsWith("tgs_", created.Key, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(Base64(created.Key["tgs_".Length..])).Length);
        var info = Assert.Single(listed, k => k.Id == created.Id);
        Assert.Equal(new ApiKeyInfo(created.Id, "ci-bot", "operator", created.CreatedAt, null), info);
        using var raw = await SendAsync(HttpMethod.Get, "/api/keys", ApiSiloFactory.AdminKey);
        Assert.DoesNotContain(created.Key, await raw.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_key_is_accepted_as_a_bearer_token()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/keys/current", UriKind.Relative));
        request.Headers.Authorization = new("Bearer", ApiSiloFactory.AdminKey);
        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new CurrentApiKey("config-admin", "Api:AdminKey", "admin"), await response.Content.ReadFromJsonAsync<CurrentApiKey>());
    }

    [Fact]
    public async Task A_viewer_is_refused_a_command_with_a_403_that_names_the_role_needed()
    {
        var viewer = await factory.Admin().CreateKeyAsync("watcher", "viewer");

        using var response = await SendAsync(HttpMethod.Post, "/api/keys", viewer.Key, new { name = "sneaky", role = "admin" });

        var problem = await ApiResponses.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("This call needs the admin role.", problem.Title);
        Assert.Contains("the API key 'watcher' has the viewer role", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operator_is_refused_the_admin_endpoints()
    {
        var operatorKey = await factory.Admin().CreateKeyAsync("ops", "operator");

        using var keys = await SendAsync(HttpMethod.Get, "/api/keys", operatorKey.Key);
        using var audit = await SendAsync(HttpMethod.Get, "/api/audit", operatorKey.Key);
        using var silos = await SendAsync(HttpMethod.Get, "/api/cluster/silos", operatorKey.Key);

        Assert.Equal("This call needs the admin role.", (await ApiResponses.ProblemAsync(keys, HttpStatusCode.Forbidden)).Title);
        Assert.Equal("This call needs the admin role.", (await ApiResponses.ProblemAsync(audit, HttpStatusCode.Forbidden)).Title);
        Assert.Equal(HttpStatusCode.OK, silos.StatusCode);
    }

    [Fact]
    public async Task A_cookie_authenticated_command_without_the_csrf_header_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/keys", UriKind.Relative))
        {
            Content = JsonContent.Create(new { name = "from-a-foreign-page", role = "admin" }),
        };
        request.Headers.Add("Cookie", $"tgeswarm_api_key={ApiSiloFactory.AdminKey}");
        using var response = await _http.SendAsync(request);

        var problem = await ApiResponses.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("X-Requested-With: tgeswarm-dashboard", problem.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(await factory.Admin().ListKeysAsync(), k => k.Name == "from-a-foreign-page");
    }

    [Fact]
    public async Task A_cookie_authenticated_command_with_the_csrf_header_and_a_cookie_read_are_accepted()
    {
        using var command = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/keys", UriKind.Relative))
        {
            Content = JsonContent.Create(new { name = "from-the-dashboard", role = "viewer" }),
        };
        command.Headers.Add("Cookie", $"tgeswarm_api_key={ApiSiloFactory.AdminKey}");
        command.Headers.Add("X-Requested-With", "tgeswarm-dashboard");
        using var read = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/keys/current", UriKind.Relative));
        read.Headers.Add("Cookie", $"tgeswarm_api_key={ApiSiloFactory.AdminKey}");

        using var created = await _http.SendAsync(command);
        using var current = await _http.SendAsync(read);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }

    [Fact]
    public async Task The_health_probes_need_no_key()
    {
        using var live = await _http.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string key, object? body = null)
    {
        using var request = ApiResponses.Request(method, path, key, body);
        return await _http.SendAsync(request);
    }

    private static string Base64(string base64Url)
    {
        var text = base64Url.Replace('-', '+').Replace('_', '/');
        return text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
    }
}
