namespace TgeSwarm.Runtime.Scheduling;

/// <summary>
/// The clock of the call path: call deadlines, when a turn started, when an activation was last busy. These need
/// milliseconds, not the sub-microsecond clock of <see cref="TimeProvider.System"/>, whose read (clock_gettime
/// over the TSC, 20–120 ns on a virtual machine) cost about a tenth of a local call at three reads per call.
///
/// With the system provider the clock reads <see cref="Environment.TickCount64"/> (CLOCK_MONOTONIC_COARSE on
/// Linux: a memory read, 1–4 ms resolution, as Orleans' coarse stopwatch uses for message expiry). With any other
/// provider (a test's fake clock) it reads that provider, so tests still drive every timeout and collection. Its
/// timestamps are never 0 (the "none" of deadlines and start times) and mean nothing outside this clock.
/// </summary>
internal sealed class CallClock
{
    private readonly TimeProvider? _provider;

    public CallClock(TimeProvider timeProvider)
    {
        _provider = ReferenceEquals(timeProvider, TimeProvider.System) ? null : timeProvider;
        Frequency = _provider?.TimestampFrequency ?? 1000;
    }

    /// <summary>Timestamp units per second.</summary>
    public long Frequency { get; }

    public long Now() => _provider is null ? Environment.TickCount64 : _provider.GetTimestamp();

    /// <summary>The timestamp <paramref name="span"/> from now.</summary>
    public long After(TimeSpan span) => Now() + ToUnits(span);

    public long ToUnits(TimeSpan span) => (long)(span.TotalSeconds * Frequency);

    // The same arithmetic as TimeProvider.GetElapsedTime, so a fake clock's exact boundaries stay exact.
    public TimeSpan Elapsed(long from, long to) => new((long)((to - from) * ((double)TimeSpan.TicksPerSecond / Frequency)));
}
