namespace TgeSwarm.Runtime.Dashboard.Snapshots;

internal sealed record SiloView(string Address, string Name, string Status, DateTimeOffset? StartedAt);
