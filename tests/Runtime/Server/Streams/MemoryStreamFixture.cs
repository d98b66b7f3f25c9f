using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Streams;
using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Streams;

/// <summary>
/// One silo with two memory stream providers: "mem" (batches of at most 100) and "small" (batches of 4, at most 16
/// queued events per stream, for backpressure).
/// </summary>
public sealed class MemoryStreamFixture : ClusterFixture
{
    public const string Small = "small";

    internal StreamProviderRegistry Streams => Cluster.Primary.ServiceProvider.GetRequiredService<StreamProviderRegistry>();

    protected override void Configure(ISiloBuilder silo)
    {
        base.Configure(silo);
        silo.AddMemoryStreams(StreamTestNames.MemoryProvider, o => o.MaxBatchSize = 100);
        silo.AddMemoryStreams(Small, o =>
        {
            o.MaxBatchSize = 4;
            o.MaxQueuedEvents = 16;
        });
    }
}
