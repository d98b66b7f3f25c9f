namespace TgeSwarm.Runtime.Dashboard.Panels;

/// <summary>One row of a <see cref="DashboardTable"/>.</summary>
public sealed record DashboardRow(IReadOnlyList<string> Cells, IReadOnlyList<DashboardRowAction>? Actions = null);
