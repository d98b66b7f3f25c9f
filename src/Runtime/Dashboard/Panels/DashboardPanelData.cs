namespace TgeSwarm.Runtime.Dashboard.Panels;

/// <summary>What a panel shows: a table, small charts of named series, or both, with an optional note beneath.</summary>
public sealed record DashboardPanelData(DashboardTable? Table = null, IReadOnlyList<DashboardSeries>? Series = null, string? Note = null);
