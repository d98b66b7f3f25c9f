using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TgeSwarm.Silo.Health;

namespace TgeSwarm.Silo.Tests.Health;

public sealed class NotReadyResponseTests(NotReadyResponseTests.Factory factory) : IClassFixture<NotReadyResponseTests.Factory>
{
    [Fact]
    public async Task A_silo_that_is_not_ready_answers_503_naming_each_check_and_why_and_stays_live()
    {
        using var client = factory.CreateClient();

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        var lines = (await ready.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("text/plain", ready.Content.Headers.ContentType?.MediaType);
        Assert.Equal(3, lines.Length);
        Assert.Equal("Unhealthy", lines[0]);
        Assert.Equal("outage: Unhealthy - PostgreSQL is down for this test.", lines[1]);
        Assert.StartsWith("silo: Healthy - Silo not-ready-silo is active.", lines[2], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    /// <summary>The embedded default with one more readiness check that always fails.</summary>
    public sealed class Factory : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Swarm:SiloPort", "0");
            builder.UseSetting("Swarm:SiloName", "not-ready-silo");
            builder.UseSetting("Market:Replay:Enabled", "false");
            builder.UseSetting("Tge:LocalSources:Enabled", "false");
            builder.ConfigureTestServices(services => services.AddHealthChecks().AddCheck(
                "outage", () => HealthCheckResult.Unhealthy("PostgreSQL is down for this test."), tags: [HealthEndpoints.ReadyTag]));
        }
    }
}
