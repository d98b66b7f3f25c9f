namespace TgeSwarm.TestGrains;

public sealed class StreamProducerGrain : Grain, IStreamProducerGrain
{
    public async Task Produce(string provider, string streamNamespace, string streamKey, int first, int count, int batchSize)
    {
        var stream = this.GetStreamProvider(provider).GetStream<StreamEvent>(StreamId.Create(streamNamespace, streamKey));
        var producer = this.GetPrimaryKeyString();
        for (var start = first; start < first + count; start += batchSize)
        {
            var size = Math.Min(batchSize, first + count - start);
            if (size == 1)
            {
                await stream.OnNextAsync(new StreamEvent(producer, start));
            }
            else
            {
                await stream.OnNextBatchAsync(Enumerable.Range(start, size).Select(i => new StreamEvent(producer, i)).ToList());
            }
        }
    }

    public Task ProduceOne(string provider, string streamNamespace, string streamKey, int sequence) =>
        this.GetStreamProvider(provider).GetStream<StreamEvent>(StreamId.Create(streamNamespace, streamKey))
            .OnNextAsync(new StreamEvent(this.GetPrimaryKeyString(), sequence));
}

/// <summary>Implicitly subscribed to <see cref="StreamTestNames.ImplicitNamespace"/>; attaches a batch handler on activation.</summary>
[ImplicitStreamSubscription(StreamTestNames.ImplicitNamespace)]
public sealed class ImplicitConsumerGrain(TestSignals signals) : Grain, IImplicitConsumerGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var stream = this.GetStreamProvider(StreamTestNames.MemoryProvider).GetStream<StreamEvent>(StreamId.Create(StreamTestNames.ImplicitNamespace, key));
        var handle = await stream.SubscribeBatchAsync((items, _) => signals.RecordAsync(key, Guid.Empty, items));
        signals.Log.Enqueue($"implicit-activated/{key}/{handle.IsImplicit}");
    }

    public Task<string> GetRuntimeIdentity() => Task.FromResult(RuntimeIdentity);
}

/// <summary>Implicitly subscribed to <see cref="StreamTestNames.PersistentNamespace"/> on the PostgreSQL provider; throws on poison events.</summary>
[ImplicitStreamSubscription(StreamTestNames.PersistentNamespace)]
public sealed class PersistentConsumerGrain(TestSignals signals) : Grain, IPersistentConsumerGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var stream = this.GetStreamProvider(StreamTestNames.PostgresProvider).GetStream<StreamEvent>(StreamId.Create(StreamTestNames.PersistentNamespace, key));
        await stream.SubscribeBatchAsync((items, _) => signals.RecordAsync(key, Guid.Empty, items));
    }

    public Task<string> GetRuntimeIdentity() => Task.FromResult(RuntimeIdentity);
}

/// <summary>Implicitly subscribed to <see cref="StreamTestNames.SilentNamespace"/> but never attaches a handler.</summary>
[ImplicitStreamSubscription(StreamTestNames.SilentNamespace)]
public sealed class SilentConsumerGrain(TestSignals signals) : Grain, ISilentConsumerGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        signals.Log.Enqueue($"silent-activated/{this.GetPrimaryKeyString()}");
        return Task.CompletedTask;
    }

    public Task<int> GetActivations() => Task.FromResult(signals.Log.Count(l => l == $"silent-activated/{this.GetPrimaryKeyString()}"));
}

/// <summary>Subscribes explicitly when asked, with a per-event observer, and resumes its subscriptions when reactivated.</summary>
public sealed class ExplicitConsumerGrain(TestSignals signals) : Grain, IExplicitConsumerGrain
{
    private string StreamsKey => $"explicit-streams/{this.GetPrimaryKeyString()}";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!signals.Values.TryGetValue(StreamsKey, out var value) || value is not string[] streams)
        {
            return;
        }

        foreach (var entry in streams)
        {
            var parts = entry.Split('|');
            var stream = GetStream(parts[0], parts[1], parts[2]);
            foreach (var handle in await stream.GetAllSubscriptionHandles())
            {
                await handle.ResumeAsync(Observer(handle.HandleId));
                signals.Log.Enqueue($"explicit-resumed/{this.GetPrimaryKeyString()}/{handle.HandleId}");
            }
        }
    }

    public async Task<Guid> Subscribe(string provider, string streamNamespace, string streamKey)
    {
        var entry = $"{provider}|{streamNamespace}|{streamKey}";
        signals.Values.AddOrUpdate(StreamsKey, new[] { entry }, (_, old) => old is string[] known && !known.Contains(entry) ? known.Append(entry).ToArray() : old);
        // No delivery can run before this turn ends (the grain is not reentrant), so setting the id afterwards is safe.
        var observer = new RecordingObserver(signals, this.GetPrimaryKeyString());
        var handle = await GetStream(provider, streamNamespace, streamKey).SubscribeAsync(observer);
        observer.Subscription = handle.HandleId;
        return handle.HandleId;
    }

    public async Task<List<Guid>> GetHandles(string provider, string streamNamespace, string streamKey) =>
        [.. (await GetStream(provider, streamNamespace, streamKey).GetAllSubscriptionHandles()).Select(h => h.HandleId)];

    public async Task UnsubscribeAll(string provider, string streamNamespace, string streamKey)
    {
        foreach (var handle in await GetStream(provider, streamNamespace, streamKey).GetAllSubscriptionHandles())
        {
            await handle.UnsubscribeAsync();
        }
    }

    public Task SubscribeFrom(string provider, string streamNamespace, string streamKey, long sequence) =>
        GetStream(provider, streamNamespace, streamKey).SubscribeAsync(Observer(Guid.Empty), new StreamSequenceToken(sequence));

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private RecordingObserver Observer(Guid subscription) => new(signals, this.GetPrimaryKeyString()) { Subscription = subscription };

    private IAsyncStream<StreamEvent> GetStream(string provider, string streamNamespace, string streamKey) =>
        this.GetStreamProvider(provider).GetStream<StreamEvent>(StreamId.Create(streamNamespace, streamKey));

    private sealed class RecordingObserver(TestSignals signals, string consumer) : IAsyncObserver<StreamEvent>
    {
        public Guid Subscription { get; set; }

        public Task OnNextAsync(StreamEvent item, StreamSequenceToken? token = null) => signals.RecordAsync(consumer, Subscription, [item]);
    }
}
