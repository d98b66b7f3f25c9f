using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Coordination;

/// <summary>One task item (a symbol, a source) and the agent key that holds it.</summary>
[GenerateSerializer]
[Immutable]
public sealed record TaskAssignment(
    [property: Id(0)] string Item,
    [property: Id(1)] string Key);
