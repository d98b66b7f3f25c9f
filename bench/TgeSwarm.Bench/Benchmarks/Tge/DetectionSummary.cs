namespace TgeSwarm.Bench.Benchmarks.Tge;

/// <summary>One phase's counts and latencies (see <see cref="DetectionLog"/>).</summary>
/// <param name="Published">Planned items published on the local source server.</param>
/// <param name="Detected">Planned items that became an event (baseline: a classification naming their symbol).</param>
/// <param name="Notices">Every notice seen, planned or not, first or repeated.</param>
/// <param name="Repeats">Notices beyond the first for a planned symbol (should be 0: one source per item).</param>
/// <param name="Unplanned">Notices for symbols nobody published in this phase (should be 0).</param>
/// <param name="Missed">Published symbols that never became an event.</param>
/// <param name="EndToEnd">Notice arrival − publish, per detected item.</param>
/// <param name="FromPoll">Notice arrival − the start of the poll that read the item.</param>
/// <param name="FromSeen">Notice arrival − the moment that poll found the item new (after the fetch and parse).</param>
internal sealed record DetectionSummary(
    int Published,
    int Detected,
    int Notices,
    int Repeats,
    int Unplanned,
    IReadOnlyList<string> Missed,
    IReadOnlyList<TimeSpan> EndToEnd,
    IReadOnlyList<TimeSpan> FromPoll,
    IReadOnlyList<TimeSpan> FromSeen)
{
    /// <summary>The <paramref name="percentile"/> (nearest rank; 100 = max) of <paramref name="values"/> in milliseconds; 0 when empty.</summary>
    public static double Millis(IReadOnlyList<TimeSpan> values, double percentile)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        var index = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)].TotalMilliseconds;
    }
}
