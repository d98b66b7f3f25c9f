using System.Collections.Concurrent;

namespace TgeSwarm.Runtime.Streams;

/// <summary>
/// Memory streams: in-cluster, at-most-once. Each silo keeps one bounded queue per stream (and event type) it
/// produces to; the queue's pump coalesces what is queued into batches and delivers each batch to every
/// subscription as one consumer turn, in order, before it takes the next. Nothing is stored: events of a silo that
/// dies are lost, events of a consumer that fails are counted and dropped.
/// </summary>
internal sealed class MemoryStreamProvider(string name, MemoryStreamOptions options, StreamRuntimeServices runtime) : IStreamProviderRuntime, IAsyncDisposable
{
    private readonly ConcurrentDictionary<(StreamId StreamId, Type EventType), IMemoryStreamQueue> _queues = new();
    private readonly CancellationTokenSource _stopping = new();

    public string Name => name;

    public bool IsRewindable => false;

    internal MemoryStreamOptions Options => options;

    internal StreamRuntimeServices Runtime => runtime;

    internal CancellationToken Stopping => _stopping.Token;

    /// <summary>Events queued on this silo, over all streams.</summary>
    public long QueuedEvents => _queues.Values.Sum(q => (long)q.Count);

    /// <summary>Stream queues alive on this silo (a queue retires after <see cref="MemoryStreamOptions.StreamInactivityPeriod"/> idle).</summary>
    internal int Queues => _queues.Count;

    public async ValueTask ProduceAsync<T>(StreamId streamId, T[] items, CancellationToken cancellationToken)
    {
        while (true)
        {
            ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
            var queue = (MemoryStreamQueue<T>)_queues.GetOrAdd((streamId, typeof(T)), static (key, self) => new MemoryStreamQueue<T>(self, key.StreamId), this);
            if (await queue.EnqueueAsync(items, cancellationToken))
            {
                runtime.Instruments.EventsProduced.Add(items.Length, new KeyValuePair<string, object?>("provider", name));
                return;
            }

            // The queue retired between the lookup and the enqueue; a fresh one takes over.
        }
    }

    public void OnSubscriptionsChanged(StreamId streamId, PubSubSnapshot snapshot)
    {
        var targets = runtime.ExplicitTargets(snapshot);
        foreach (var ((id, _), queue) in _queues)
        {
            if (id == streamId)
            {
                queue.SetExplicitTargets(targets);
            }
        }
    }

    internal void Retire((StreamId, Type) key, IMemoryStreamQueue queue) => _queues.TryRemove(new(key, queue));

    /// <summary>Stops every queue's pump; events still queued are dropped (at-most-once) and counted.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        await Task.WhenAll(_queues.Values.Select(q => q.Completion)).WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _stopping.Dispose();
    }
}

/// <summary>The untyped face of a memory stream queue.</summary>
internal interface IMemoryStreamQueue
{
    int Count { get; }

    /// <summary>Completes when the queue's pump has stopped.</summary>
    Task Completion { get; }

    /// <summary>Replaces the explicit subscriptions if <paramref name="targets"/> is newer than what the queue has.</summary>
    void SetExplicitTargets(SubscriptionSet targets);
}
