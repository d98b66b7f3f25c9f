using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TgeSwarm.Client.Api;
using TgeSwarm.Grains.Tge.Events;

namespace TgeSwarm.Silo.Tests.Api;

/// <summary>
/// The embedded default with a known admin key, no replay (so the market caches hold only what a test publishes), no
/// local TGE sources (so the event store holds only what a test saves: on a slow machine the sources' detections
/// came first in "newest first" pages), a long read-cache TTL (so "hit" never depends on how fast the machine is),
/// and an in-test event store when the silo has none of its own.
/// </summary>
public class ApiSiloFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "tgs_test-admin-key-0123456789abcdefghijklmnopqrstuv";

    public FakeTgeEventStore Events { get; } = new();

    public SwarmApiClient Admin() => Client(AdminKey);

    public SwarmApiClient Client(string key) => new(CreateClient(), key);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Swarm:SiloPort", "0");
        builder.UseSetting("Swarm:SiloName", "api-test-silo");
        builder.UseSetting("Market:Replay:Enabled", "false");
        builder.UseSetting("Tge:LocalSources:Enabled", "false");
        builder.UseSetting("Api:AdminKey", AdminKey);
        builder.UseSetting("Api:ReadCache:DefaultTtl", "00:10:00");
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<ITgeEventStore>(Events)));
        Configure(builder);
    }

    /// <summary>Further settings of a derived factory.</summary>
    protected virtual void Configure(IWebHostBuilder builder)
    {
    }
}
