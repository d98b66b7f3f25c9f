using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using TgeSwarm.Silo.Tests.Api;

namespace TgeSwarm.Silo.Tests.Dashboard;

/// <summary>The silo serves the dashboard with its swarm views behind the API's keys, and /metrics.</summary>
public sealed class SiloDashboardTests(ApiSiloFactory factory) : IClassFixture<ApiSiloFactory>
{
    [Fact]
    public async Task Without_a_key_the_page_sends_a_person_to_the_login_and_the_data_is_a_401()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var page = await client.GetAsync(new Uri("/dashboard", UriKind.Relative));
        using var snapshot = await client.GetAsync(new Uri("/dashboard/snapshot", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/dashboard/login", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, snapshot.StatusCode);
    }

    [Fact]
    public async Task With_the_key_cookie_the_snapshot_carries_the_silo_and_the_swarm_views()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var login = await client.PostAsync(
            new Uri("/dashboard/login", UriKind.Relative),
            new FormUrlEncodedContent([new("apiKey", ApiSiloFactory.AdminKey)]));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        using var snapshot = await client.GetAsync(new Uri("/dashboard/snapshot", UriKind.Relative));
        var body = await snapshot.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, snapshot.StatusCode);
        Assert.Contains("api-test-silo", body, StringComparison.Ordinal);
        foreach (var panel in new[] { "agents", "pipeline", "features", "tge-events" })
        {
            Assert.Contains($"\"{panel}\"", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Metrics_are_served_in_the_prometheus_text_format_with_the_runtimes_meters()
    {
        using var client = factory.CreateClient();
        await factory.Admin().GetSilosAsync();

        using var metrics = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await metrics.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.StartsWith("text/plain", metrics.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("# TYPE swarm_calls_completed_total counter", text, StringComparison.Ordinal);
    }
}
