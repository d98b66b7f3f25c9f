namespace TgeSwarm.Runtime.Postgres.Tests.Streams;

/// <summary>
/// A wall clock that moves only when a test moves it. The queue store only reads the time (enqueued, updated and
/// dead-letter stamps), so no timers are needed; retention tests age rows by advancing it.
/// </summary>
internal sealed class ManualClock : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset _now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_lock)
        {
            _now += by;
        }
    }
}
