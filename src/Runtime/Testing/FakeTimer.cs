namespace TgeSwarm.Runtime.Testing;

/// <summary>A timer of <see cref="FakeTimeProvider"/>: it holds its next due time, and the provider fires it.</summary>
internal sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
{
    private TimeSpan _period = Timeout.InfiniteTimeSpan;

    /// <summary>When it fires next, or null when disarmed. Read and written under the provider's lock.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        lock (owner.SyncRoot)
        {
            _period = period;
            DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner.Now + dueTime;
        }

        if (dueTime == TimeSpan.Zero)
        {
            // A real timer due now fires at once, on the thread pool; waiting for the next Advance instead would
            // stall code that arms a timer for a moment the test clock has already reached.
            ThreadPool.UnsafeQueueUserWorkItem(static o => ((FakeTimeProvider)o!).Advance(TimeSpan.Zero), owner);
        }

        return true;
    }

    /// <summary>Moves the due time past the current firing (next period, or disarmed).</summary>
    public void Advance() =>
        DueAt = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : DueAt + _period;

    public void Fire() => callback(state);

    public void Dispose()
    {
        lock (owner.SyncRoot)
        {
            DueAt = null;
        }

        owner.Remove(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
