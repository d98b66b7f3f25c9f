namespace TgeSwarm.Runtime.Dashboard.Metrics;

/// <summary>A copy of one histogram series: counts per bucket (not cumulative; the last is +Inf), sum and count.</summary>
internal sealed record HistogramState(long[] BucketCounts, double Sum, long Count);
