using TgeSwarm.Runtime.Streams;
using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Streams;

/// <summary>Memory streams on one silo: ordering, batching, implicit and explicit subscriptions, drops, backpressure.</summary>
public sealed class MemoryStreamTests(MemoryStreamFixture fixture) : IClassFixture<MemoryStreamFixture>
{
    private static readonly string Mem = StreamTestNames.MemoryProvider;

    private TestSignals Signals => fixture.Signals;

    private IStreamProducerGrain Producer(string key) => fixture.Client.GetGrain<IStreamProducerGrain>(key);

    [Fact]
    public async Task An_implicit_subscriber_is_activated_by_the_first_event_and_receives_every_event_in_order()
    {
        var key = Unique("implicit");
        await Producer("p1").Produce(Mem, StreamTestNames.ImplicitNamespace, key, 0, 500, 1);

        var received = Signals.Received(key);
        await StreamWait.ForCountAsync(received, 500, "500 single events");
        Assert.Equal(Enumerable.Range(0, 500), received.Select(r => r.Event.Sequence));
        Assert.Contains($"implicit-activated/{key}/True", Signals.Log);
    }

    [Fact]
    public async Task Events_queued_behind_each_other_are_coalesced_into_batches_of_at_most_MaxBatchSize()
    {
        var key = Unique("batching");
        await Producer("p1").Produce(Mem, StreamTestNames.ImplicitNamespace, key, 0, 1000, 1000);

        await StreamWait.ForCountAsync(Signals.Received(key), 1000, "one batch of 1000");
        var batches = Signals.Batches(key).ToArray();
        Assert.All(batches, size => Assert.InRange(size, 1, 100));
        Assert.Equal(1000, batches.Sum());
        Assert.Equal(10, batches.Length);
    }

    [Fact]
    public async Task Two_producers_each_keep_their_own_order()
    {
        var key = Unique("two-producers");
        await Task.WhenAll(
            Producer("a").Produce(Mem, StreamTestNames.ImplicitNamespace, key, 0, 300, 7),
            Producer("b").Produce(Mem, StreamTestNames.ImplicitNamespace, key, 0, 300, 1));

        var received = Signals.Received(key);
        await StreamWait.ForCountAsync(received, 600, "both producers' events");
        Assert.Equal(Enumerable.Range(0, 300), received.Where(r => r.Event.Producer == "a").Select(r => r.Event.Sequence));
        Assert.Equal(Enumerable.Range(0, 300), received.Where(r => r.Event.Producer == "b").Select(r => r.Event.Sequence));
    }

    [Fact]
    public async Task Two_explicit_subscriptions_of_one_grain_receive_every_event_twice_and_an_implicit_one_once()
    {
        var key = Unique("multiplicity");
        var consumer = fixture.Client.GetGrain<IExplicitConsumerGrain>(key + "-explicit");
        var first = await consumer.Subscribe(Mem, StreamTestNames.ImplicitNamespace, key);
        var second = await consumer.Subscribe(Mem, StreamTestNames.ImplicitNamespace, key);
        Assert.NotEqual(first, second);

        await Producer("p1").Produce(Mem, StreamTestNames.ImplicitNamespace, key, 0, 50, 10);

        var explicitReceived = Signals.Received(key + "-explicit");
        await StreamWait.ForCountAsync(explicitReceived, 100, "50 events on each of two subscriptions");
        await StreamWait.ForCountAsync(Signals.Received(key), 50, "50 events on the implicit subscription");
        Assert.Equal(Enumerable.Range(0, 50), explicitReceived.Where(r => r.Subscription == first).Select(r => r.Event.Sequence));
        Assert.Equal(Enumerable.Range(0, 50), explicitReceived.Where(r => r.Subscription == second).Select(r => r.Event.Sequence));
        Assert.Equal(50, Signals.Received(key).Count);

        // The explicit consumer's grain type has no implicit subscription, so it sees its two explicit handles only.
        Assert.Equal(new[] { first, second }.Order(), (await consumer.GetHandles(Mem, StreamTestNames.ImplicitNamespace, key)).Order());
    }

    [Fact]
    public async Task No_event_reaches_a_subscription_after_its_unsubscribe_completes()
    {
        var key = Unique("unsubscribe");
        var leaving = fixture.Client.GetGrain<IExplicitConsumerGrain>(key + "-leaving");
        var staying = fixture.Client.GetGrain<IExplicitConsumerGrain>(key + "-staying");
        await leaving.Subscribe(Mem, StreamTestNames.ExplicitNamespace, key);
        await staying.Subscribe(Mem, StreamTestNames.ExplicitNamespace, key);
        await Producer("p1").Produce(Mem, StreamTestNames.ExplicitNamespace, key, 0, 10, 10);
        await StreamWait.ForCountAsync(Signals.Received(key + "-leaving"), 10, "events before unsubscribing");

        await leaving.UnsubscribeAll(Mem, StreamTestNames.ExplicitNamespace, key);
        await Producer("p1").Produce(Mem, StreamTestNames.ExplicitNamespace, key, 10, 10, 10);
        await Producer("p1").Produce(Mem, StreamTestNames.ExplicitNamespace, key, 20, 10, 10);

        // The queue delivers a batch to every subscription before it takes the next, so once the staying consumer
        // has the last batch, every delivery of the batches before it has been made.
        await StreamWait.ForCountAsync(Signals.Received(key + "-staying"), 30, "events after unsubscribing");
        Assert.Equal(Enumerable.Range(0, 10), Signals.Received(key + "-leaving").Select(r => r.Event.Sequence));
        Assert.Empty(await leaving.GetHandles(Mem, StreamTestNames.ExplicitNamespace, key));
    }

    [Fact]
    public async Task A_deactivated_explicit_subscriber_is_reactivated_by_an_event_and_resumes_its_handle()
    {
        var key = Unique("resume");
        var consumer = fixture.Client.GetGrain<IExplicitConsumerGrain>(key);
        var handle = await consumer.Subscribe(Mem, StreamTestNames.ExplicitNamespace, key);
        await Producer("p1").Produce(Mem, StreamTestNames.ExplicitNamespace, key, 0, 5, 5);
        await StreamWait.ForCountAsync(Signals.Received(key), 5, "events before deactivation");

        await consumer.Deactivate();
        await Producer("p1").Produce(Mem, StreamTestNames.ExplicitNamespace, key, 5, 5, 5);

        await StreamWait.ForCountAsync(Signals.Received(key), 10, "events delivered to the reactivated grain");
        Assert.Equal(Enumerable.Range(0, 10), Signals.Received(key).Select(r => r.Event.Sequence));
        Assert.Contains($"explicit-resumed/{key}/{handle}", Signals.Log);
        Assert.Equal([handle], await consumer.GetHandles(Mem, StreamTestNames.ExplicitNamespace, key));
    }

    [Fact]
    public async Task An_implicit_subscriber_without_a_handler_counts_and_logs_each_dropped_event()
    {
        using var drops = new StreamWait.DropCounter();
        var key = Unique("silent");
        var before = drops[DropReasons.NoHandler];
        await Producer("p1").Produce(Mem, StreamTestNames.SilentNamespace, key, 0, 20, 20);

        await Bounded.Within(Polling(() => drops[DropReasons.NoHandler] - before >= 20, () => Task.CompletedTask), "20 counted drops");
        Assert.Equal(1, await fixture.Client.GetGrain<ISilentConsumerGrain>(key).GetActivations());
    }

    [Fact]
    public async Task A_consumer_that_throws_loses_only_that_event()
    {
        using var drops = new StreamWait.DropCounter();
        var key = Unique("poison");
        var consumer = fixture.Client.GetGrain<IExplicitConsumerGrain>(key);
        await consumer.Subscribe(Mem, StreamTestNames.ExplicitNamespace, key);

        await Producer("p1").Produce(Mem, StreamTestNames.ExplicitNamespace, key, 0, 3, 1);
        await Producer("p1").ProduceOne(Mem, StreamTestNames.ExplicitNamespace, key, StreamEvent.Poison);
        await Producer("p1").Produce(Mem, StreamTestNames.ExplicitNamespace, key, 3, 3, 1);

        await StreamWait.ForCountAsync(Signals.Received(key), 6, "the events around the poison one");
        Assert.Equal(Enumerable.Range(0, 6), Signals.Received(key).Select(r => r.Event.Sequence));
        Assert.True(drops[DropReasons.ConsumerFailed] >= 1);
    }

    [Fact]
    public async Task A_producer_faster_than_its_consumer_waits_once_the_queue_is_full()
    {
        var key = Unique("backpressure");
        var consumerKey = key + "-slow";
        var consumer = fixture.Client.GetGrain<IExplicitConsumerGrain>(consumerKey);
        await consumer.Subscribe(MemoryStreamFixture.Small, StreamTestNames.ExplicitNamespace, key);
        Signals.Values[StreamTestNames.Block(consumerKey)] = true;
        var stream = fixture.Streams.GetProvider(MemoryStreamFixture.Small, activation: null)
            .GetStream<StreamEvent>(StreamId.Create(StreamTestNames.ExplicitNamespace, key));

        await stream.OnNextAsync(new StreamEvent("test", 0));
        await Signals.Gate($"entered/{consumerKey}").Within("the consumer blocking on the first event");
        for (var i = 1; i <= 16; i++)
        {
            await stream.OnNextAsync(new StreamEvent("test", i)).Within($"queueing event {i} of 16");
        }

        var overflowing = stream.OnNextAsync(new StreamEvent("test", 17));
        Assert.False(overflowing.IsCompleted, "The 17th queued event must wait while the consumer holds the queue's pump.");
        Assert.Equal(16, ((MemoryStreamProvider)fixture.Streams.Get(MemoryStreamFixture.Small)).QueuedEvents);

        Signals.Values.TryRemove(StreamTestNames.Block(consumerKey), out _);
        Signals.Open($"release/{consumerKey}");
        await overflowing.Within("the producer after the consumer caught up");
        await StreamWait.ForCountAsync(Signals.Received(consumerKey), 18, "all 18 events");
        Assert.Equal(Enumerable.Range(0, 18), Signals.Received(consumerKey).Select(r => r.Event.Sequence));
    }

    [Fact]
    public async Task Code_hosted_in_the_silo_produces_through_the_cluster_client()
    {
        var key = Unique("hosted");
        var stream = fixture.Client.GetStreamProvider(Mem).GetStream<StreamEvent>(StreamId.Create(StreamTestNames.ImplicitNamespace, key));

        await stream.OnNextBatchAsync([new StreamEvent("api", 0), new StreamEvent("api", 1)]);

        await StreamWait.ForCountAsync(Signals.Received(key), 2, "events produced by hosted code");
        await Assert.ThrowsAsync<InvalidOperationException>(() => stream.SubscribeAsync((_, _) => Task.CompletedTask));
    }

    [Fact]
    public async Task Bad_use_fails_with_a_clear_message()
    {
        var consumer = fixture.Client.GetGrain<IExplicitConsumerGrain>(Unique("bad"));
        var rewind = await Assert.ThrowsAsync<ArgumentException>(() => consumer.SubscribeFrom(Mem, StreamTestNames.ExplicitNamespace, "k", 5));
        Assert.Contains("cannot rewind", rewind.Message, StringComparison.Ordinal);

        var unknown = Assert.Throws<KeyNotFoundException>(() => fixture.Streams.GetProvider("nope", activation: null));
        Assert.Contains("AddMemoryStreams(\"nope\")", unknown.Message, StringComparison.Ordinal);

        var stream = fixture.Streams.GetProvider(Mem, activation: null).GetStream<StreamEvent>(StreamId.Create(StreamTestNames.ExplicitNamespace, "k"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => stream.SubscribeAsync((_, _) => Task.CompletedTask));
        await Assert.ThrowsAsync<ArgumentException>(() => stream.OnNextAsync(new StreamEvent("x", 1), new StreamSequenceToken(1)));
        Assert.Throws<ArgumentException>(() => StreamId.Create("a/b", "k"));
    }

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>Repeats <paramref name="act"/> until <paramref name="done"/>, a few milliseconds apart (bounded by the caller).</summary>
    private static async Task Polling(Func<bool> done, Func<Task> act)
    {
        while (!done())
        {
            await act();
            await Task.Delay(10);
        }
    }
}
