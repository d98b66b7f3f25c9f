using System.Threading.Channels;

namespace TgeSwarm.Runtime.Postgres.Tests.Membership;

/// <summary>
/// A clock whose timers fire only when a test fires them, and which tells the test when one was created, so a test
/// can act while the code under test is known to be waiting (a reconnect backoff) and then let it go on.
/// </summary>
internal sealed class GatedTimeProvider : TimeProvider
{
    private readonly Channel<GatedTimer> _created = Channel.CreateUnbounded<GatedTimer>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new GatedTimer(callback, state, dueTime);
        _created.Writer.TryWrite(timer);
        return timer;
    }

    /// <summary>The next timer created (possibly already), within a bound.</summary>
    public async Task<GatedTimer> NextTimerAsync(string phase)
    {
        var read = _created.Reader.ReadAsync().AsTask();
        try
        {
            return await read.WaitAsync(TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException) when (!read.IsCompleted)
        {
            throw new TimeoutException($"Timed out after 20 s waiting for a timer: {phase}.");
        }
    }

    internal sealed class GatedTimer(TimerCallback callback, object? state, TimeSpan dueTime) : ITimer
    {
        private volatile bool _disposed;

        public TimeSpan DueTime { get; } = dueTime;

        public void Fire()
        {
            if (!_disposed)
            {
                callback(state);
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period) => !_disposed;

        public void Dispose() => _disposed = true;

        public ValueTask DisposeAsync()
        {
            _disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
