using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Client;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Invocation;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Runtime.Tests.Client;

/// <summary>Three silos on loopback with memory storage "store" and one <see cref="TestSignals"/> shared by all, for external clients.</summary>
public sealed class ClientClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public TestSignals Signals { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(3);
        builder.ConfigureSilo(silo =>
        {
            silo.Services.AddSingleton(Signals);
            silo.AddMemoryGrainStorage("store");
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>The gateway the client's calls to <paramref name="grain"/> leave through (pinning it, if it was not yet).</summary>
    public static SiloAddress? GatewayOf(ExternalClusterClient client, IAddressable grain) =>
        client.ServiceProvider.GetRequiredService<ClientRuntime>().Gateways.Pick(((GrainReference)grain).GrainId)?.Silo;

    public static int ConnectedGateways(ExternalClusterClient client) =>
        client.ServiceProvider.GetRequiredService<ClientRuntime>().Gateways.ConnectedCount;

    /// <summary>The silo that hash placement puts a grain on, as the primary sees the ring.</summary>
    public SiloAddress OwnerOf(IAddressable grain) =>
        Cluster.Primary.ServiceProvider.GetRequiredService<Directory.GrainDirectory>().OwnerOf(((GrainReference)grain).GrainId)
        ?? throw new InvalidOperationException("The ring is empty.");
}
