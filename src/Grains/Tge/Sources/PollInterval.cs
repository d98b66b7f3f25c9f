namespace TgeSwarm.Grains.Tge.Sources;

/// <summary>
/// A source's adaptive poll interval within [floor, max]. New items bring it down to the floor at once (news comes
/// in bursts: a listing is followed by its futures, earn and airdrop notices); a quiet poll lengthens it by half;
/// failures back off exponentially from the floor with ±20% jitter, so the sources of a host that recovers do not
/// return in step. The floor is the settings' minimum unless the performance grain raised it.
/// </summary>
internal sealed class PollInterval
{
    private const double QuietGrowth = 1.5;

    private TimeSpan _min;

    public PollInterval(TimeSpan min, TimeSpan max) => Reset(min, max);

    public TimeSpan Floor { get; private set; }

    public TimeSpan Max { get; private set; }

    public TimeSpan Current { get; private set; }

    public void Reset(TimeSpan min, TimeSpan max)
    {
        _min = min;
        Max = max;
        Floor = min;
        Current = min;
    }

    /// <summary>Raises or restores the floor within [min, max]; returns the floor in force.</summary>
    public TimeSpan Tune(TimeSpan? floor)
    {
        Floor = floor is { } f ? Clamp(f, _min, Max) : _min;
        Current = Clamp(Current, Floor, Max);
        return Floor;
    }

    public TimeSpan OnNewItems() => Current = Floor;

    public TimeSpan OnQuiet() => Current = Clamp(Current * QuietGrowth, Floor, Max);

    /// <summary>The wait after the <paramref name="consecutiveErrors"/>-th failure in a row (1 or more).</summary>
    public TimeSpan OnError(int consecutiveErrors, double jitter)
    {
        var doubling = Math.Pow(2, Math.Min(consecutiveErrors, 16));
        return Current = Clamp(Floor * doubling * jitter, Floor, Max);
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan low, TimeSpan high) => value < low ? low : value > high ? high : value;
}
