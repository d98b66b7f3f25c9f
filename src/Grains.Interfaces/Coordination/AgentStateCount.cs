using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Coordination;

/// <summary>How many agents are in one actual state.</summary>
[GenerateSerializer]
[Immutable]
public sealed record AgentStateCount([property: Id(0)] AgentState State, [property: Id(1)] int Count);
