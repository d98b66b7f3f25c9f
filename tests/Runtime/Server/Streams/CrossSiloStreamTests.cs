using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Streams;

/// <summary>Three silos with memory streams and the pub-sub store in PostgreSQL.</summary>
public sealed class MultiSiloStreamFixture : MultiSiloFixture
{
    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.AddPostgresGrainStorage("PubSubStore", PostgresClusterFixture.ConnectionString);
        silo.AddMemoryStreams(StreamTestNames.MemoryProvider, o => o.MaxBatchSize = 64);
    }
}

/// <summary>Memory streams whose producers and consumers live on different silos.</summary>
public sealed class CrossSiloStreamTests(MultiSiloStreamFixture fixture) : IClassFixture<MultiSiloStreamFixture>
{
    private static readonly string Mem = StreamTestNames.MemoryProvider;

    [Fact]
    public async Task A_producer_on_one_silo_reaches_an_implicit_consumer_on_another_in_order_and_in_batches()
    {
        var (producerKey, producerSilo) = KeyOwnedBy("streamproducer", 0);
        var consumerKey = Enumerable.Range(0, 1000).Select(i => $"x-implicit-{i}")
            .First(k => !fixture.OwnerOf("implicitconsumer", k).Equals(producerSilo));
        var producer = fixture.Cluster.Client.GetGrain<IStreamProducerGrain>(producerKey);

        await producer.Produce(Mem, StreamTestNames.ImplicitNamespace, consumerKey, 0, 1000, 1);
        await producer.Produce(Mem, StreamTestNames.ImplicitNamespace, consumerKey, 1000, 1000, 250);

        var received = fixture.Signals.Received(consumerKey);
        await StreamWait.ForCountAsync(received, 2000, "2000 events across silos");
        Assert.Equal(Enumerable.Range(0, 2000), received.Select(r => r.Event.Sequence));
        Assert.All(fixture.Signals.Batches(consumerKey), size => Assert.InRange(size, 1, 64));
        var consumerHost = await fixture.Cluster.Client.GetGrain<IImplicitConsumerGrain>(consumerKey).GetRuntimeIdentity();
        Assert.NotEqual(producerSilo.ToString(), consumerHost);
    }

    [Fact]
    public async Task Explicit_subscriptions_made_on_other_silos_are_served_by_the_producing_silo_until_unsubscribed()
    {
        var (producerKey, producerSilo) = KeyOwnedBy("streamproducer", 100);
        var streamKey = $"x-explicit-{Guid.NewGuid():N}";
        var consumers = fixture.Cluster.Silos.Select(s => s.SiloAddress).Where(s => !s.Equals(producerSilo))
            .Select((silo, i) => Enumerable.Range(0, 1000).Select(k => $"{streamKey}-c{i}-{k}").First(k => fixture.OwnerOf("explicitconsumer", k).Equals(silo)))
            .ToArray();
        var producer = fixture.Cluster.Client.GetGrain<IStreamProducerGrain>(producerKey);

        // The producing silo's queue exists before the subscriptions, so they reach it as pushed changes. The
        // warm-up event may still be queued when a subscription arrives and then reaches it too (at-most-once streams
        // promise nothing about events produced before a subscription), so it is left out of what is compared.
        await producer.Produce(Mem, StreamTestNames.ExplicitNamespace, streamKey, -100, 1, 1);
        foreach (var consumer in consumers)
        {
            await fixture.Cluster.Client.GetGrain<IExplicitConsumerGrain>(consumer).Subscribe(Mem, StreamTestNames.ExplicitNamespace, streamKey);
        }

        await producer.Produce(Mem, StreamTestNames.ExplicitNamespace, streamKey, 0, 300, 30);
        foreach (var consumer in consumers)
        {
            await WaitForLiveAsync(consumer, 300);
            Assert.Equal(Enumerable.Range(0, 300), Live(consumer));
        }

        await fixture.Cluster.Client.GetGrain<IExplicitConsumerGrain>(consumers[0]).UnsubscribeAll(Mem, StreamTestNames.ExplicitNamespace, streamKey);
        await producer.Produce(Mem, StreamTestNames.ExplicitNamespace, streamKey, 300, 100, 100);
        await WaitForLiveAsync(consumers[1], 400);
        Assert.Equal(Enumerable.Range(0, 300), Live(consumers[0]));
    }

    private List<int> Live(string consumer) => [.. fixture.Signals.Received(consumer).Select(r => r.Event.Sequence).Where(s => s >= 0)];

    private async Task WaitForLiveAsync(string consumer, int count)
    {
        var reached = await Hosting.Polling.WaitUntilAsync(
            () => Live(consumer).Count >= count, Bounded.Wait, TimeSpan.FromMilliseconds(5), TimeProvider.System, CancellationToken.None);
        Assert.True(reached, $"{consumer} received {Live(consumer).Count} of {count} events.");
    }

    private (string Key, SiloAddress Silo) KeyOwnedBy(string grainType, int silo)
    {
        var target = fixture.Cluster.Silos[silo % fixture.Cluster.Silos.Count].SiloAddress;
        var key = Enumerable.Range(0, 1000).Select(i => $"producer-{silo}-{i}").First(k => fixture.OwnerOf(grainType, k).Equals(target));
        return (key, target);
    }
}
