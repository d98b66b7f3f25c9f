namespace TgeSwarm.Runtime.Dashboard.Metrics;

/// <summary>What <c>/metrics</c> exports and how much it may hold.</summary>
public sealed class SwarmMetricsOptions
{
    /// <summary>
    /// Meters whose names start with one of these are exported (ordinal comparison). Default <c>TgeSwarm.</c>: the
    /// runtime (<c>TgeSwarm.Runtime</c>), the market pipeline (<c>TgeSwarm.Market</c>), the read caches
    /// (<c>TgeSwarm.Grains.Caching</c>) and every agent meter named the same way.
    /// </summary>
    public IList<string> MeterPrefixes { get; } = ["TgeSwarm."];

    /// <summary>
    /// Distinct tag sets kept per instrument (default 2 000). A measurement with a new tag set beyond this is not
    /// kept and is counted in <c>tgeswarm_metrics_series_overflow_total</c>, so a tag with unbounded values cannot
    /// grow the silo's memory without end.
    /// </summary>
    public int MaxSeriesPerInstrument { get; set; } = 2000;
}
