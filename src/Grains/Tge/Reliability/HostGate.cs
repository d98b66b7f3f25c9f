namespace TgeSwarm.Grains.Tge.Reliability;

/// <summary>
/// Admission to one host: at most <see cref="Limit"/> requests at once (first come, first served), request starts at
/// least the spacing apart, and none at all while a Retry-After block is in force. Thread-safe, because the guard's
/// Polly pipeline runs attempts off the grain's scheduler. The limit can change while requests wait: raising it
/// admits waiters at once, lowering it lets running requests finish.
/// </summary>
internal sealed class HostGate(TimeProvider time, int limit, TimeSpan spacing)
{
    private readonly Lock _lock = new();
    private readonly LinkedList<TaskCompletionSource> _waiters = new();
    private int _limit = limit;
    private int _inFlight;
    private DateTimeOffset _nextStart = DateTimeOffset.MinValue;
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;

    public int Limit
    {
        get
        {
            lock (_lock)
            {
                return _limit;
            }
        }
    }

    public int InFlight
    {
        get
        {
            lock (_lock)
            {
                return _inFlight;
            }
        }
    }

    public int Queued
    {
        get
        {
            lock (_lock)
            {
                return _waiters.Count;
            }
        }
    }

    /// <summary>The end of the block in force, or null.</summary>
    public DateTimeOffset? BlockedUntil
    {
        get
        {
            lock (_lock)
            {
                return _blockedUntil > time.GetUtcNow() ? _blockedUntil : null;
            }
        }
    }

    public void SetLimit(int value)
    {
        lock (_lock)
        {
            _limit = value;
            AdmitLocked();
        }
    }

    /// <summary>Blocks the host until <paramref name="until"/> (a later block wins); true when this extended the block.</summary>
    public bool Block(DateTimeOffset until)
    {
        lock (_lock)
        {
            if (until <= _blockedUntil)
            {
                return false;
            }

            _blockedUntil = until;
            return true;
        }
    }

    /// <summary>Waits for a slot, then for the spacing; the returned permit gives the slot back.</summary>
    public async Task<Permit> EnterAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource? waiter = null;
        LinkedListNode<TaskCompletionSource>? node = null;
        lock (_lock)
        {
            if (_inFlight < _limit && _waiters.Count == 0)
            {
                _inFlight++;
            }
            else
            {
                waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                node = _waiters.AddLast(waiter);
            }
        }

        if (waiter is not null)
        {
            // Cancelled while queued: leave the queue. Admitted already (node no longer listed): the slot is ours and
            // the await below returns normally, so the caller releases it.
            await using var registration = cancellationToken.Register(() =>
            {
                lock (_lock)
                {
                    if (node!.List is not null)
                    {
                        _waiters.Remove(node);
                        waiter.TrySetCanceled(cancellationToken);
                    }
                }
            });
            await waiter.Task.ConfigureAwait(false);
        }

        var permit = new Permit(this);
        try
        {
            await WaitForSpacingAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            permit.Dispose();
            throw;
        }

        return permit;
    }

    private async Task WaitForSpacingAsync(CancellationToken cancellationToken)
    {
        if (spacing <= TimeSpan.Zero)
        {
            return;
        }

        TimeSpan wait;
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var start = _nextStart > now ? _nextStart : now;
            _nextStart = start + spacing;
            wait = start - now;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Exit()
    {
        lock (_lock)
        {
            _inFlight--;
            AdmitLocked();
        }
    }

    private void AdmitLocked()
    {
        while (_inFlight < _limit && _waiters.First is { } first)
        {
            _waiters.RemoveFirst();
            _inFlight++;
            first.Value.TrySetResult();
        }
    }

    /// <summary>One admitted request's slot; disposing it (once) lets the next waiter in.</summary>
    internal sealed class Permit(HostGate gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Exit();
            }
        }
    }
}
