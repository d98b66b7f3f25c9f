namespace TgeSwarm.Runtime.Membership;

/// <summary>A silo as this silo currently sees it; <paramref name="StartedAt"/> is the start time it wrote to the table.</summary>
internal sealed record ClusterMember(SiloAddress SiloAddress, SiloStatus Status, string Name, int ProxyPort, DateTimeOffset StartedAt);
