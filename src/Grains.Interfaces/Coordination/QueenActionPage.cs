using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Coordination;

/// <summary>A page of the action log, newest first.</summary>
/// <param name="NextBefore">Pass as <c>before</c> for the next (older) page; null on the last.</param>
[GenerateSerializer]
[Immutable]
public sealed record QueenActionPage(
    [property: Id(0)] IReadOnlyList<QueenAction> Items,
    [property: Id(1)] long? NextBefore);
