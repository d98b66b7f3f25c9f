namespace TgeSwarm.Runtime;

/// <summary>A silo as the management API reports it.</summary>
[GenerateSerializer]
public sealed record SiloHostInfo(
    [property: Id(0)] string SiloAddress,
    [property: Id(1)] string Name,
    [property: Id(2)] SiloStatus Status,
    [property: Id(3)] DateTimeOffset StartedAt);
