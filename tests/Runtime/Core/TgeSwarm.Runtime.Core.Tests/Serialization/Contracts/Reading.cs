namespace TgeSwarm.Runtime.Tests.Serialization.Contracts;

[GenerateSerializer]
public readonly record struct Reading([property: Id(0)] double Value, [property: Id(1)] DateTimeOffset At, [property: Id(2)] int? Quality);
