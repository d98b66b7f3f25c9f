namespace TgeSwarm.Runtime.Dashboard.Panels;

/// <summary>A named run of numbers, oldest first, drawn as a small line chart with its latest value.</summary>
public sealed record DashboardSeries(string Name, IReadOnlyList<double> Points, string? Unit = null);
