using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Probe;

/// <summary>A probe counter's value and the silo (its runtime identity) whose activation answered.</summary>
[GenerateSerializer]
public sealed record ProbeCounterStatus([property: Id(0)] long Value, [property: Id(1)] string Silo);
