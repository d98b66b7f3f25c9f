using TgeSwarm.Runtime.Testing;
using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Streams;
using TgeSwarm.Runtime.Streams.Persistent;
using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Streams;

/// <summary>
/// Three silos with a PostgreSQL stream provider "pg" over the real server (4 queues, fast polling, 3 delivery
/// attempts), in a service id of its own so no other run's rows are seen.
/// </summary>
public class PersistentStreamFixture : MultiSiloFixture
{
    private readonly string _serviceId = $"streams-{Guid.NewGuid():N}";

    internal PersistentStreamProvider Provider(SiloHandle silo) =>
        (PersistentStreamProvider)silo.ServiceProvider.GetRequiredService<StreamProviderRegistry>().Get(StreamTestNames.PostgresProvider);

    internal IStreamQueueStorage Storage => Provider(Cluster.Primary).Storage;

    /// <summary>The silo whose agent pulls <paramref name="streamId"/>'s queue, as the primary's view has it.</summary>
    internal SiloHandle QueueOwnerOf(StreamId streamId)
    {
        var active = Cluster.Silos.Select(s => s.SiloAddress).Order().ToList();
        var owner = QueueBalancer.OwnerOf(StreamTestNames.PostgresProvider, Storage.GetQueueId(streamId), active);
        return Cluster.Silos.Single(s => s.SiloAddress.Equals(owner));
    }

    protected override void ConfigureSilo(ISiloBuilder silo) =>
        silo.AddPostgresStreams(StreamTestNames.PostgresProvider, PostgresClusterFixture.ConnectionString, o =>
        {
            o.ServiceId = _serviceId;
            o.QueueCount = 4;
            o.PollInterval = TimeSpan.FromMilliseconds(20);
            o.MaxDeliveryAttempts = 3;
        });
}
