using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Coordination;

/// <summary>What a scale command did.</summary>
/// <param name="Distribution">The group's assignment after the scale.</param>
/// <param name="Moved">Task items whose shard changed.</param>
/// <param name="Started">Shard keys spawned or given a new item set.</param>
/// <param name="Stopped">Shard keys stopped because they lie beyond the new shard count.</param>
[GenerateSerializer]
[Immutable]
public sealed record ScaleResult(
    [property: Id(0)] TaskGroup Distribution,
    [property: Id(1)] int Moved,
    [property: Id(2)] IReadOnlyList<string> Started,
    [property: Id(3)] IReadOnlyList<string> Stopped);
