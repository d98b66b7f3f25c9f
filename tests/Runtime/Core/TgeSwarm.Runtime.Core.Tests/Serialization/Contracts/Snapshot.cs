namespace TgeSwarm.Runtime.Tests.Serialization.Contracts;

/// <summary>[Immutable]: copies share the instance.</summary>
[GenerateSerializer]
[Immutable]
public sealed record Snapshot([property: Id(0)] string Name, [property: Id(1)] int[] Values);
