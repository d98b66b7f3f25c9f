using System.Net;
using System.Text.Json;

namespace TgeSwarm.Silo.Tests.Api;

public sealed class OpenApiDocumentTests(ApiSiloFactory factory) : IClassFixture<ApiSiloFactory>
{
    [Fact]
    public async Task The_openapi_document_lists_every_endpoint_without_a_key()
    {
        using var http = factory.CreateClient();

        using var response = await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        string[] expected =
        [
            "/api/keys", "/api/keys/{id}", "/api/keys/current", "/api/audit", "/api/cluster/silos", "/api/cluster/grains",
            "/api/market/cache", "/api/market/{instrument}/features", "/api/market/{instrument}/bars",
            "/api/tge/events", "/api/tge/events/{slug}",
            "/api/agents", "/api/agents/types", "/api/agents/{type}/{key}", "/api/agents/{type}/{key}/spawn",
            "/api/agents/{type}/{key}/stop", "/api/agents/{type}/{key}/restart", "/api/agents/{type}/groups/{group}/scale",
            "/api/tasks", "/api/pipelines", "/api/pipelines/{name}/pause", "/api/pipelines/{name}/resume",
            "/api/swarm/halt", "/api/swarm/health", "/api/swarm/actions", "/api/memory/{ns}", "/api/memory/{ns}/{key}",
        ];
        Assert.All(expected, path => Assert.Contains(path, paths));
        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString()));
    }
}
