using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Coordination;

/// <summary>Whether a pipeline runs, and who paused it when and why.</summary>
/// <param name="Name">A pipeline of <see cref="PipelineNames"/>.</param>
/// <param name="Paused">Paused by command or by the halt.</param>
/// <param name="ChangedAt">When it was last paused or resumed; null if never.</param>
/// <param name="ChangedBy">The actor of that command.</param>
/// <param name="Reason">The reason given with it.</param>
/// <param name="Agents">How many registered agents belong to it.</param>
[GenerateSerializer]
[Immutable]
public sealed record PipelineStatus(
    [property: Id(0)] string Name,
    [property: Id(1)] bool Paused,
    [property: Id(2)] DateTimeOffset? ChangedAt,
    [property: Id(3)] string? ChangedBy,
    [property: Id(4)] string? Reason,
    [property: Id(5)] int Agents);
