using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Grains.Tests.Tge.Sources;

/// <summary>One fake-clock silo with the TGE sources (see <see cref="SourceSilo"/>) shared by a class's tests; each test has its own source server and source ids.</summary>
public sealed class SourceClusterFixture : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new();

    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cluster = SourceSilo.Build(Time, new Dictionary<string, string?>());
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
