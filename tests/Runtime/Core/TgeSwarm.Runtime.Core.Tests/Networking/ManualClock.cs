namespace TgeSwarm.Runtime.Tests.Networking;

/// <summary>
/// A clock whose timestamps move only when the test advances them (the retry delay reads timestamps); timers stay
/// the system's, so connect and handshake timeouts still work.
/// </summary>
internal sealed class ManualClock : TimeProvider
{
    private long _ticks = TimeSpan.TicksPerDay;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
