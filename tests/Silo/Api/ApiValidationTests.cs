using System.Net;
using System.Text;

namespace TgeSwarm.Silo.Tests.Api;

public sealed class ApiValidationTests(ApiSiloFactory factory) : IClassFixture<ApiSiloFactory>, IDisposable
{
    private readonly HttpClient _http = factory.CreateClient();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Invalid_fields_are_a_validation_problem_keyed_by_field_name()
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/keys", new { name = "", role = "superuser" });

        var problem = await ApiResponses.ValidationProblemAsync(response);
        Assert.Equal(["name", "role"], problem.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("viewer, operator, admin (was 'superuser')", Assert.Single(problem.Errors["role"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_that_says_where()
    {
        using var response = await SendRawAsync("/api/keys", "{\"name\": \"x\", \"role\": ", "application/json");

        var problem = await ApiResponses.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("The request body is not valid JSON.", problem.Title);
        Assert.Contains("BytePositionInLine", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_problem()
    {
        using var response = await SendRawAsync("/api/keys", "name=x&role=viewer", "application/x-www-form-urlencoded");

        var problem = await ApiResponses.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("Content-Type: application/json", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_body_is_a_413_problem_naming_the_limit()
    {
        var name = new string('x', 70 * 1024);

        using var response = await SendRawAsync("/api/keys", $"{{\"name\":\"{name}\",\"role\":\"viewer\"}}", "application/json");

        var problem = await ApiResponses.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("at most 65536 bytes (Api:MaxRequestBodyBytes)", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Event_query_values_are_checked_field_by_field()
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/tge/events?from=yesterday&kind=rumour&minConfidence=1.5&limit=0");

        var problem = await ApiResponses.ValidationProblemAsync(response);
        Assert.Equal(["from", "kind", "limit", "minConfidence"], problem.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("listing, launchpool", Assert.Single(problem.Errors["kind"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bars_need_a_venue_and_a_sane_interval_and_count()
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/market/BTC-USDT/bars?interval=-5&count=100000");

        var problem = await ApiResponses.ValidationProblemAsync(response);
        Assert.Equal(["count", "interval", "venue"], problem.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/no/such/thing");

        await ApiResponses.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Revoking_an_unknown_key_is_a_404_and_the_configured_key_a_409()
    {
        using var unknown = await SendAsync(HttpMethod.Delete, "/api/keys/k_0000000000000000");
        using var configured = await SendAsync(HttpMethod.Delete, "/api/keys/config-admin");

        await ApiResponses.ProblemAsync(unknown, HttpStatusCode.NotFound);
        var problem = await ApiResponses.ProblemAsync(configured, HttpStatusCode.Conflict);
        Assert.Contains("Api:AdminKey", problem.Detail, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = ApiResponses.Request(method, path, ApiSiloFactory.AdminKey, body);
        return await _http.SendAsync(request);
    }

    private async Task<HttpResponseMessage> SendRawAsync(string path, string body, string contentType)
    {
        using var request = ApiResponses.Request(HttpMethod.Post, path, ApiSiloFactory.AdminKey);
        request.Content = new StringContent(body, Encoding.UTF8, contentType);
        return await _http.SendAsync(request);
    }
}
