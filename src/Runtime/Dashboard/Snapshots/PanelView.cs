using TgeSwarm.Runtime.Dashboard.Panels;

namespace TgeSwarm.Runtime.Dashboard.Snapshots;

/// <summary>A host panel as sampled; <see cref="Error"/> is set instead of the data when its load failed.</summary>
internal sealed record PanelView(string Id, string Title, int Order, DashboardTable? Table, IReadOnlyList<DashboardSeries>? Series, string? Note, string? Error);
