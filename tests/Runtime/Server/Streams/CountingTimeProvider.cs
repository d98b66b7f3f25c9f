namespace TgeSwarm.Runtime.Tests.Streams;

/// <summary>Another clock's time, counting the timers created from it: a <c>Task.Delay</c> on a provider creates one.</summary>
internal sealed class CountingTimeProvider(TimeProvider inner) : TimeProvider
{
    private int _timersCreated;

    public int TimersCreated => Volatile.Read(ref _timersCreated);

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref _timersCreated);
        return inner.CreateTimer(callback, state, dueTime, period);
    }
}
