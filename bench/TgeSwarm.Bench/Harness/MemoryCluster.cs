using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Bench.Harness;

/// <summary>The one-silo, memory-storage cluster the in-process figures run on.</summary>
internal static class MemoryCluster
{
    public static async Task<TestCluster> StartAsync()
    {
        var builder = new TestClusterBuilder();
        // Every grain class of this assembly is loaded, so the storage of the PostgreSQL figure needs a name here too.
        builder.ConfigureSilo(static silo => silo.AddMemoryGrainStorage("store").AddMemoryGrainStorage("pg"));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
