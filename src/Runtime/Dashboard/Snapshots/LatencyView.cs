namespace TgeSwarm.Runtime.Dashboard.Snapshots;

/// <summary>Percentiles of one histogram of this silo over the last sample interval (null when nothing was recorded in it).</summary>
internal sealed record LatencyView(string Name, string Unit, long Count, double? P50, double? P99);
