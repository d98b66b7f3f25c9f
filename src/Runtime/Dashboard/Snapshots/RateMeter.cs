namespace TgeSwarm.Runtime.Dashboard.Snapshots;

/// <summary>
/// Turns running totals into per-second rates between consecutive samples. Used by the one sampling loop only, so
/// it needs no lock. The first sample of a total has no predecessor and reports 0; a total that went down (the
/// instrument was recreated) restarts from there.
/// </summary>
internal sealed class RateMeter(TimeProvider time)
{
    private readonly Dictionary<string, (double Total, long Timestamp)> _previous = new(StringComparer.Ordinal);

    public double PerSecond(string key, double total)
    {
        var now = time.GetTimestamp();
        var found = _previous.TryGetValue(key, out var previous);
        _previous[key] = (total, now);
        if (!found || total < previous.Total)
        {
            return 0;
        }

        var seconds = time.GetElapsedTime(previous.Timestamp, now).TotalSeconds;
        return seconds <= 0 ? 0 : (total - previous.Total) / seconds;
    }
}
