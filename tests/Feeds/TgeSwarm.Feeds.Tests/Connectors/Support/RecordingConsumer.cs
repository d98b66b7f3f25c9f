using TgeSwarm.Feeds.Connectors;

namespace TgeSwarm.Feeds.Tests.Connectors.Support;

/// <summary>
/// An <see cref="IFeedConsumer"/> that records what the connector hands it: frames, events, and the size of every
/// flushed batch. A test can hold flushes at a gate, and wait for any condition on what was recorded; the
/// condition is checked after every call, so waits end on the event itself, not on a poll.
/// </summary>
internal sealed class RecordingConsumer : IFeedConsumer
{
    private readonly Lock _lock = new();
    private readonly List<(Func<RecordingConsumer, bool> Condition, TaskCompletionSource Signal)> _waiters = [];
    private readonly List<int> _batches = [];
    private readonly List<Trade> _trades = [];
    private readonly List<BookUpdate> _books = [];
    private readonly List<string> _resyncs = [];
    private int _framesInBatch;
    private int _frames;
    private TaskCompletionSource? _gate;
    private TaskCompletionSource? _flushHeld;

    public int Frames
    {
        get
        {
            lock (_lock)
            {
                return _frames;
            }
        }
    }

    /// <summary>Frames whose events were all handed over and flushed: a frame counts here only once the feed is done with it.</summary>
    public int Flushed
    {
        get
        {
            lock (_lock)
            {
                return _batches.Sum();
            }
        }
    }

    public IReadOnlyList<int> Batches
    {
        get
        {
            lock (_lock)
            {
                return [.. _batches];
            }
        }
    }

    public IReadOnlyList<Trade> Trades
    {
        get
        {
            lock (_lock)
            {
                return [.. _trades];
            }
        }
    }

    public IReadOnlyList<BookUpdate> Books
    {
        get
        {
            lock (_lock)
            {
                return [.. _books];
            }
        }
    }

    public IReadOnlyList<string> Resyncs
    {
        get
        {
            lock (_lock)
            {
                return [.. _resyncs];
            }
        }
    }

    /// <summary>Holds the next flush until <see cref="OpenGate"/>; the returned task completes once a flush is held.</summary>
    public Task HoldNextFlush()
    {
        lock (_lock)
        {
            _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _flushHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _flushHeld.Task;
        }
    }

    public void OpenGate()
    {
        lock (_lock)
        {
            _gate?.TrySetResult();
            _gate = null;
        }
    }

    public void OnFrameReceived(long receivedAtMicros)
    {
        lock (_lock)
        {
            _frames++;
            _framesInBatch++;
        }

        Check();
    }

    public void OnTrade(Trade trade)
    {
        lock (_lock)
        {
            _trades.Add(trade);
        }

        Check();
    }

    public void OnBook(BookUpdate book)
    {
        lock (_lock)
        {
            _books.Add(book);
        }

        Check();
    }

    public void OnResyncRequired(string instrument, string reason)
    {
        lock (_lock)
        {
            _resyncs.Add(instrument);
        }

        Check();
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        Task? gate;
        lock (_lock)
        {
            gate = _gate?.Task;
            _flushHeld?.TrySetResult();
            _flushHeld = null;
        }

        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken);
        }

        lock (_lock)
        {
            _batches.Add(_framesInBatch);
            _framesInBatch = 0;
        }

        Check();
    }

    /// <summary>Waits until <paramref name="condition"/> holds, failing with <paramref name="waitingFor"/> after the bound.</summary>
    public async Task WaitUntilAsync(Func<RecordingConsumer, bool> condition, string waitingFor)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _waiters.Add((condition, signal));
        }

        Check();
        try
        {
            await signal.Task.WaitAsync(Bounds.Wait);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"timed out after {Bounds.Wait} waiting for {waitingFor} (frames {Frames}, batches {Batches.Count}, trades {Trades.Count}, books {Books.Count})");
        }
    }

    private void Check()
    {
        (Func<RecordingConsumer, bool> Condition, TaskCompletionSource Signal)[] waiters;
        lock (_lock)
        {
            if (_waiters.Count == 0)
            {
                return;
            }

            waiters = [.. _waiters];
        }

        foreach (var waiter in waiters)
        {
            if (waiter.Condition(this))
            {
                lock (_lock)
                {
                    _waiters.Remove(waiter);
                }

                waiter.Signal.TrySetResult();
            }
        }
    }
}
