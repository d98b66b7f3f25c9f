using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace TgeSwarm.Silo.Tests.Health;

public sealed class HealthEndpointTests(HealthEndpointTests.Factory factory) : IClassFixture<HealthEndpointTests.Factory>
{
    [Fact]
    public async Task The_embedded_default_silo_is_live_and_ready_once_started()
    {
        using var client = factory.CreateClient();

        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public void The_embedded_default_checks_no_storage_because_its_state_is_in_memory()
    {
        var checks = factory.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;

        Assert.Equal(["silo"], checks.Select(c => c.Name));
    }

    /// <summary>The embedded default, but on an OS-assigned silo port, so parallel test classes never collide on 11111.</summary>
    public sealed class Factory : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) => builder.UseSetting("Swarm:SiloPort", "0");
    }
}
