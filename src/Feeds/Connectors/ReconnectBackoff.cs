namespace TgeSwarm.Feeds.Connectors;

/// <summary>
/// Exponential backoff with full jitter above a floor: the n-th wait in a row (0-based) is drawn uniformly from
/// [min, min(max, min × 2^(n+1))]. Jitter spreads the reconnects of many shards that lost a venue together; the
/// floor keeps a venue that refuses us from seeing a burst of instant retries. Not thread-safe: one per loop.
/// </summary>
internal sealed class ReconnectBackoff(TimeSpan min, TimeSpan max, Random random)
{
    private int _failures;

    /// <summary>Waits handed out since the last <see cref="Reset"/>.</summary>
    public int Failures => _failures;

    public TimeSpan Next()
    {
        var ceiling = Ceiling(_failures);
        _failures++;
        return min + (ceiling - min) * random.NextDouble();
    }

    /// <summary>The connection was healthy: the next failure waits the least again.</summary>
    public void Reset() => _failures = 0;

    /// <summary>The largest wait the <paramref name="failures"/>-th failure in a row can draw.</summary>
    public TimeSpan Ceiling(int failures)
    {
        // Doubling past 2^30 overflows long before it matters; max has long been reached by then.
        var factor = Math.Pow(2, Math.Min(failures + 1, 30));
        var ticks = min.Ticks * factor;
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }
}
