using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Runtime.Tests.Fixtures;

/// <summary>One single-silo cluster per test class, with memory storage named "store" and shared test signals.</summary>
public class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public TestSignals Signals => Cluster.Primary.ServiceProvider.GetRequiredService<TestSignals>();

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder();
        builder.ConfigureSilo(silo =>
        {
            silo.Services.AddSingleton<TestSignals>();
            Configure(silo);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>Storage and options of this fixture's silo; memory storage by default.</summary>
    protected virtual void Configure(ISiloBuilder silo) => silo.AddMemoryGrainStorage("store");
}
