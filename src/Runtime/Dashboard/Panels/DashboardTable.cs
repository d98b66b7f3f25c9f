namespace TgeSwarm.Runtime.Dashboard.Panels;

/// <summary>A table: column headings and rows of cell text (one cell per column), each row with optional actions.</summary>
public sealed record DashboardTable(IReadOnlyList<string> Columns, IReadOnlyList<DashboardRow> Rows);
