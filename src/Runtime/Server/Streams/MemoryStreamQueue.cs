using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Invocation;

namespace TgeSwarm.Runtime.Streams;

/// <summary>
/// One stream's queue on one producing silo, and the pump that empties it.
///
/// Bounded: at most <see cref="MemoryStreamOptions.MaxQueuedEvents"/> events wait; a producer that would exceed it
/// waits for the pump (its <c>OnNextAsync</c> does not complete), which is the backpressure. Ordered: a batch goes
/// into the queue whole, the pump takes events in queue order, and it delivers a batch to every subscription and
/// waits for all of them before taking the next, so each subscription sees one producer's events in order.
/// The pump starts with the first event, learns the explicit subscriptions from the stream's rendezvous grain
/// (which then pushes every change here), and retires after <see cref="MemoryStreamOptions.StreamInactivityPeriod"/>
/// without events.
/// </summary>
internal sealed partial class MemoryStreamQueue<T> : IMemoryStreamQueue
{
    private static readonly TimeSpan RefreshRetry = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly Queue<T> _items = new();
    private readonly MemoryStreamProvider _provider;
    private readonly StreamRuntimeServices _runtime;
    private readonly MemoryStreamOptions _options;
    private readonly StreamId _streamId;
    private readonly StreamTarget[] _implicitTargets;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SubscriptionSet _explicitTargets = SubscriptionSet.Empty;
    private TaskCompletionSource? _spaceFreed;
    private TaskCompletionSource? _itemsArrived;
    private bool _wakeArmed;
    private bool _started;
    private bool _retired;
    private long _sequence;
    private long _nextRefresh;

    public MemoryStreamQueue(MemoryStreamProvider provider, StreamId streamId)
    {
        _provider = provider;
        _runtime = provider.Runtime;
        _options = provider.Options;
        _streamId = streamId;
        _implicitTargets = _runtime.ImplicitTargets(provider.Name, streamId);
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _items.Count;
            }
        }
    }

    public Task Completion
    {
        get
        {
            lock (_lock)
            {
                return _started ? _completion.Task : Task.CompletedTask;
            }
        }
    }

    public void SetExplicitTargets(SubscriptionSet targets)
    {
        // A pulled snapshot and a pushed one can cross on the way: the newer wins whatever arrives last.
        lock (_lock)
        {
            if (targets.Supersedes(_explicitTargets))
            {
                _explicitTargets = targets;
            }
        }
    }

    /// <summary>Queues <paramref name="items"/> whole; false if the queue retired meanwhile (the caller takes a new one).</summary>
    public async ValueTask<bool> EnqueueAsync(T[] items, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task spaceFreed;
            lock (_lock)
            {
                if (_retired)
                {
                    return false;
                }

                if (_items.Count == 0 || _items.Count + items.Length <= _options.MaxQueuedEvents)
                {
                    foreach (var item in items)
                    {
                        _items.Enqueue(item);
                    }

                    if (_itemsArrived is { } arrived)
                    {
                        _itemsArrived = null;
                        arrived.TrySetResult();
                    }

                    if (!_started)
                    {
                        _started = true;
                        StartPump();
                    }

                    return true;
                }

                _spaceFreed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                spaceFreed = _spaceFreed.Task;
            }

            await spaceFreed.WaitAsync(cancellationToken);
        }
    }

    private void StartPump()
    {
        // The pump must not inherit the first producer's execution context (its RequestContext values).
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(RunAsync);
        }
    }

    private async Task RunAsync()
    {
        var stopping = _provider.Stopping;
        var time = _runtime.TimeProvider;
        var lastActivity = time.GetTimestamp();

        // One timer and one registration for the pump's life, not a Task.Delay per idle wait: a pump goes idle
        // thousands of times a second under paced load, and each delay (due in up to a refresh period) stayed in the
        // timer queue and on the stopping token until then, so every idle wait outlived every gen 0 collection.
        using var wakeTimer = time.CreateTimer(static state => ((MemoryStreamQueue<T>)state!).Wake(timerFired: true), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        using var stoppingRegistration = stopping.UnsafeRegister(static state => ((MemoryStreamQueue<T>)state!).Wake(timerFired: false), this);
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                if (time.GetTimestamp() >= _nextRefresh)
                {
                    await RefreshSubscriptionsAsync();
                }

                var batch = TakeBatch(out var itemsArrived);
                if (batch is not null)
                {
                    await DeliverAsync(batch);
                    lastActivity = time.GetTimestamp();
                    continue;
                }

                var idle = time.GetElapsedTime(lastActivity);
                if (idle >= _options.StreamInactivityPeriod && TryRetire())
                {
                    return;
                }

                // The signal was created before this check, so a stop from here on completes it (Wake).
                if (stopping.IsCancellationRequested)
                {
                    break;
                }

                if (ArmWake())
                {
                    // The deadlines only move later (activity, a refresh), so a timer armed earlier fires at or before
                    // the current one; the pump then looks again and re-arms for what is left.
                    var wait = Min(_options.StreamInactivityPeriod - idle, time.GetElapsedTime(time.GetTimestamp(), _nextRefresh));
                    wakeTimer.Change(Max(wait, TimeSpan.FromMilliseconds(1)), Timeout.InfiniteTimeSpan);
                }

                await itemsArrived!;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A bug in the pump must not strand producers: fail loudly and let a fresh queue take over.
            LogPumpFailed(_runtime.Logger, exception, _streamId, _provider.Name);
            TryRetire(force: true);
        }
        finally
        {
            ReleaseWaitingProducers();
            _completion.TrySetResult();
        }
    }

    /// <summary>True when the wake-up timer is not armed (the caller arms it now).</summary>
    private bool ArmWake()
    {
        lock (_lock)
        {
            if (_wakeArmed)
            {
                return false;
            }

            _wakeArmed = true;
            return true;
        }
    }

    /// <summary>Wakes an idle pump to look at its deadlines (the timer) or at the stopping token.</summary>
    private void Wake(bool timerFired)
    {
        lock (_lock)
        {
            if (timerFired)
            {
                _wakeArmed = false;
            }

            if (_itemsArrived is { } arrived)
            {
                _itemsArrived = null;
                arrived.TrySetResult();
            }
        }
    }

    private T[]? TakeBatch(out Task? itemsArrived)
    {
        lock (_lock)
        {
            if (_items.Count == 0)
            {
                _itemsArrived ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                itemsArrived = _itemsArrived.Task;
                return null;
            }

            var batch = new T[Math.Min(_items.Count, _options.MaxBatchSize)];
            for (var i = 0; i < batch.Length; i++)
            {
                batch[i] = _items.Dequeue();
            }

            if (_spaceFreed is { } spaceFreed)
            {
                _spaceFreed = null;
                spaceFreed.TrySetResult();
            }

            itemsArrived = null;
            return batch;
        }
    }

    private bool TryRetire(bool force = false)
    {
        lock (_lock)
        {
            if (_items.Count > 0 && !force)
            {
                return false;
            }

            _retired = true;
        }

        _provider.Retire((_streamId, typeof(T)), this);
        LogRetired(_runtime.Logger, _streamId, _provider.Name);
        return true;
    }

    private void ReleaseWaitingProducers()
    {
        lock (_lock)
        {
            _runtime.Instruments.Dropped(_provider.Name, DropReasons.SiloStopping, _items.Count);
            _items.Clear();
            _retired = true;
            _spaceFreed?.TrySetResult();
            _spaceFreed = null;
        }

        _provider.Retire((_streamId, typeof(T)), this);
    }

    private async Task RefreshSubscriptionsAsync()
    {
        var now = _runtime.TimeProvider.GetTimestamp();
        try
        {
            var snapshot = await _runtime.PubSub(_provider.Name, _streamId).RegisterProducer(_runtime.Silo.SiloAddress);
            SetExplicitTargets(_runtime.ExplicitTargets(snapshot));
            _nextRefresh = now + ToTicks(_options.PubSubRefreshPeriod);
        }
        catch (Exception exception) when (exception is SwarmException or TimeoutException or InvalidOperationException)
        {
            // Implicit subscribers are still served; the explicit list is retried soon.
            LogRefreshFailed(_runtime.Logger, exception, _streamId, _provider.Name);
            _nextRefresh = now + ToTicks(Min(RefreshRetry, _options.PubSubRefreshPeriod));
        }
    }

    private async Task DeliverAsync(T[] batch)
    {
        var sequence = _sequence++;
        var implicitTargets = _implicitTargets;
        StreamTarget[] explicitTargets;
        lock (_lock)
        {
            explicitTargets = _explicitTargets.Targets;
        }

        var total = implicitTargets.Length + explicitTargets.Length;
        if (total == 0)
        {
            _runtime.Instruments.Dropped(_provider.Name, DropReasons.NoSubscribers, batch.Length);
            return;
        }

        var targets = new StreamTarget[total];
        implicitTargets.CopyTo(targets, 0);
        explicitTargets.CopyTo(targets, implicitTargets.Length);
        var pending = new ValueTask<VoidResult>[total];
        var codec = _runtime.Codecs.GetCodec<T[]>();
        for (var i = 0; i < total; i++)
        {
            // The first subscription gets the batch itself, every other one its own copy: a consumer may change
            // the events it receives, and must not change another's.
            var request = new StreamDeliveryRequest
            {
                Provider = _provider.Name,
                StreamId = _streamId,
                SubscriptionId = targets[i].SubscriptionId,
                Sequence = sequence,
                Items = i == 0 ? batch : codec.DeepCopy(batch),
                ArgumentsArePrivate = true,
            };
            pending[i] = request.AsValueTask();
            _runtime.References.SendRequest(targets[i].Reference, request);
        }

        for (var i = 0; i < total; i++)
        {
            try
            {
                // A stopping silo does not wait for consumers: its own messaging is about to stop answering.
                await pending[i].AsTask().WaitAsync(_provider.Stopping);
            }
            catch (OperationCanceledException) when (_provider.Stopping.IsCancellationRequested)
            {
                _runtime.Instruments.Dropped(_provider.Name, DropReasons.SiloStopping, batch.Length);
            }
            catch (Exception exception)
            {
                // At-most-once: a batch a subscription could not take is dropped, counted and logged, and the
                // stream goes on.
                _runtime.Instruments.Dropped(_provider.Name, DropReasons.DeliveryFailed, batch.Length);
                LogDeliveryFailed(_runtime.Logger, batch.Length, _streamId, _provider.Name, targets[i].Consumer, exception.GetType().Name, exception.Message);
            }
        }
    }

    private long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * _runtime.TimeProvider.TimestampFrequency);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
