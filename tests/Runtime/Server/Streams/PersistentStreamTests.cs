using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Streams;
using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Streams;

/// <summary>PostgreSQL streams on three silos: ordering, acknowledgement, explicit subscriptions, dead letters, rewind, lag.</summary>
public sealed class PersistentStreamTests(PersistentStreamFixture fixture) : IClassFixture<PersistentStreamFixture>
{
    private static readonly string Pg = StreamTestNames.PostgresProvider;

    private TestSignals Signals => fixture.Signals;

    private IStreamProducerGrain Producer(string key) => fixture.Cluster.Client.GetGrain<IStreamProducerGrain>(key);

    [Fact]
    public async Task Every_event_reaches_the_implicit_subscriber_in_order_and_the_queue_is_acknowledged()
    {
        var key = Unique("order");
        await Producer("p1").Produce(Pg, StreamTestNames.PersistentNamespace, key, 0, 300, 1);
        await Producer("p1").Produce(Pg, StreamTestNames.PersistentNamespace, key, 300, 700, 100);

        var received = Signals.Received(key);
        await StreamWait.ForCountAsync(received, 1000, "1000 events through PostgreSQL");
        Assert.Equal(Enumerable.Range(0, 1000), received.Select(r => r.Event.Sequence));

        var queue = fixture.Storage.GetQueueId(StreamId.Create(StreamTestNames.PersistentNamespace, key));
        var head = await fixture.Storage.GetHeadAsync(queue, CancellationToken.None);
        Assert.True(await Eventually(async () => await fixture.Storage.GetCheckpointAsync(queue, CancellationToken.None) >= head), "the queue acknowledged up to its head");
    }

    [Fact]
    public async Task Two_explicit_subscriptions_each_receive_every_event_and_lag_drops_to_zero()
    {
        var key = Unique("explicit");
        var consumer = fixture.Cluster.Client.GetGrain<IExplicitConsumerGrain>(key);
        var first = await consumer.Subscribe(Pg, StreamTestNames.ExplicitNamespace, key);
        var second = await consumer.Subscribe(Pg, StreamTestNames.ExplicitNamespace, key);

        await Producer("p2").Produce(Pg, StreamTestNames.ExplicitNamespace, key, 0, 50, 10);

        var received = Signals.Received(key);
        await StreamWait.ForCountAsync(received, 100, "50 events on each of two subscriptions");
        Assert.Equal(Enumerable.Range(0, 50), received.Where(r => r.Subscription == first).Select(r => r.Event.Sequence));
        Assert.Equal(Enumerable.Range(0, 50), received.Where(r => r.Subscription == second).Select(r => r.Event.Sequence));
        Assert.True(
            await Eventually(async () =>
            {
                var lag = await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).GetStreamLag(Pg);
                var mine = lag.Where(l => l.SubscriptionId == first || l.SubscriptionId == second).ToList();
                return mine.Count == 2 && mine.All(l => l.PendingEvents == 0 && l.StreamKey == key);
            }),
            "both subscriptions' lag recorded and at zero in the management API");
    }

    [Fact]
    public async Task A_poison_event_is_retried_then_dead_lettered_before_the_subscriptions_next_event()
    {
        using var drops = new StreamWait.DropCounter();
        var key = Unique("poison");
        var consumer = fixture.Cluster.Client.GetGrain<IExplicitConsumerGrain>(key);
        await consumer.Subscribe(Pg, StreamTestNames.ExplicitNamespace, key);

        await Producer("p3").Produce(Pg, StreamTestNames.ExplicitNamespace, key, 0, 3, 1);
        await Producer("p3").ProduceOne(Pg, StreamTestNames.ExplicitNamespace, key, StreamEvent.Poison);
        await Producer("p3").Produce(Pg, StreamTestNames.ExplicitNamespace, key, 3, 3, 1);

        await StreamWait.ForCountAsync(Signals.Received(key), 6, "the events around the poison one");
        Assert.Equal(Enumerable.Range(0, 6), Signals.Received(key).Select(r => r.Event.Sequence));
        Assert.True(drops[DropReasons.DeadLettered] >= 1, "the poison event was dead-lettered");
    }

    [Fact]
    public async Task A_subscription_from_sequence_zero_replays_the_retained_history_then_follows_live_events()
    {
        var key = Unique("rewind");
        await Producer("p4").Produce(Pg, StreamTestNames.ExplicitNamespace, key, 0, 30, 10);

        // A subscription without a token starts where the queue is: wait until these rows are acknowledged (with no
        // subscriber to give them to) so only the rewinding subscription sees them.
        var queue = fixture.Storage.GetQueueId(StreamId.Create(StreamTestNames.ExplicitNamespace, key));
        var head = await fixture.Storage.GetHeadAsync(queue, CancellationToken.None);
        Assert.True(await Eventually(async () => await fixture.Storage.GetCheckpointAsync(queue, CancellationToken.None) >= head), "the first rows acknowledged");
        var early = fixture.Cluster.Client.GetGrain<IExplicitConsumerGrain>(key + "-early");
        await early.Subscribe(Pg, StreamTestNames.ExplicitNamespace, key);
        await Producer("p4").Produce(Pg, StreamTestNames.ExplicitNamespace, key, 30, 10, 10);
        await StreamWait.ForCountAsync(Signals.Received(key + "-early"), 10, "the early subscriber's live events");

        var late = fixture.Cluster.Client.GetGrain<IExplicitConsumerGrain>(key + "-late");
        await late.SubscribeFrom(Pg, StreamTestNames.ExplicitNamespace, key, 0);
        await Producer("p4").Produce(Pg, StreamTestNames.ExplicitNamespace, key, 40, 10, 10);

        await StreamWait.ForCountAsync(Signals.Received(key + "-late"), 50, "history and live events for the rewinding subscriber");
        await StreamWait.ForCountAsync(Signals.Received(key + "-early"), 20, "the early subscriber's second live batch");
        Assert.Equal(Enumerable.Range(0, 50), Signals.Received(key + "-late").Select(r => r.Event.Sequence));
        Assert.Equal(Enumerable.Range(30, 20), Signals.Received(key + "-early").Select(r => r.Event.Sequence));
    }

    [Fact]
    public async Task The_queues_are_spread_over_the_silos_and_each_pulled_once()
    {
        await Task.CompletedTask;
        var owned = fixture.Cluster.Silos
            .SelectMany(s => s.ServiceProvider.GetRequiredService<Runtime.Streams.StreamsLifecycle>().OwnedQueues)
            .ToList();
        Assert.Equal(4, owned.Count);
        Assert.Equal(4, owned.Distinct().Count());
    }

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    private static async Task<bool> Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Bounded.Wait;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }
}
