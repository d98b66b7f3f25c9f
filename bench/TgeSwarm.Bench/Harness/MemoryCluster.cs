using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Bench.Harness;

/// <summary>The one-silo, memory-storage cluster the in-process figures run on.</summary>
internal static class MemoryCluster
{
    public static async Task<TestCluster> StartAsync()
    {
        var builder = new TestClusterBuilder();
        // Every grain class this process loads needs its storage: the PostgreSQL figure's ("pg") and the product grains' (Default).
        builder.ConfigureSilo(static silo => silo.AddMemoryGrainStorage("store").AddMemoryGrainStorage("pg").AddMemoryGrainStorage(PersistentStateAttribute.DefaultStorageName));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
