namespace TgeSwarm.Runtime.Dashboard.Snapshots;

/// <summary>Sent once per live connection: who is looking and which action roles they hold, so buttons they may not use are disabled.</summary>
internal sealed record DashboardSession(string? User, IReadOnlyList<string> Roles, bool Anonymous);
