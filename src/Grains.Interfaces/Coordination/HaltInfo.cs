using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Coordination;

/// <summary>The halt in force: when, by whom and why.</summary>
[GenerateSerializer]
[Immutable]
public sealed record HaltInfo(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Actor,
    [property: Id(2)] string Reason);
