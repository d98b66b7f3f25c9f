using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Runtime.Tests.Fixtures;

/// <summary>
/// Three silos in this process talking over loopback TCP, grain storage "store" in the real PostgreSQL (so a grain
/// that moves keeps its state), and one <see cref="TestSignals"/> shared by all silos.
/// </summary>
public class MultiSiloFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public TestSignals Signals { get; } = new();

    protected virtual int SiloCount => 3;

    public IClusterClient ClientOf(SiloHandle silo) => silo.ServiceProvider.GetRequiredService<IClusterClient>();

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(SiloCount);
        builder.ConfigureSilo(silo =>
        {
            silo.Services.AddSingleton(Signals);
            silo.AddPostgresGrainStorage("store", PostgresClusterFixture.ConnectionString);
            ConfigureSilo(silo);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>More silo configuration (membership provider, options) for a derived fixture.</summary>
    protected virtual void ConfigureSilo(ISiloBuilder silo)
    {
    }

    /// <summary>The silo that hash placement (the ring, as the primary sees it) puts a grain on.</summary>
    public SiloAddress OwnerOf(string grainType, string key) =>
        Cluster.Primary.ServiceProvider.GetRequiredService<Directory.GrainDirectory>().OwnerOf(GrainId.Create(grainType, key))
        ?? throw new InvalidOperationException("The ring is empty.");

    /// <summary>The silo whose address appears in an activation identity string.</summary>
    public SiloHandle HostOf(string identity) =>
        Cluster.Silos.Single(s => identity.Contains(s.SiloAddress.ToString(), StringComparison.Ordinal));
}
