namespace TgeSwarm.Runtime.Membership;

/// <summary>A silo as this silo currently sees it.</summary>
internal sealed record ClusterMember(SiloAddress SiloAddress, SiloStatus Status, string Name, int ProxyPort);
