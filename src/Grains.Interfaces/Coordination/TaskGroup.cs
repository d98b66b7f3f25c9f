using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Coordination;

/// <summary>One shard group's task distribution: which shard holds which item.</summary>
/// <param name="Type">The agent type, e.g. <c>ingestion</c>.</param>
/// <param name="Group">The group, e.g. <c>binance</c>.</param>
/// <param name="Shards">The shard count the group was scaled to (keys <c>group#0..Shards-1</c>).</param>
/// <param name="Assignments">Every item with its shard, ordered by item.</param>
[GenerateSerializer]
[Immutable]
public sealed record TaskGroup(
    [property: Id(0)] string Type,
    [property: Id(1)] string Group,
    [property: Id(2)] int Shards,
    [property: Id(3)] IReadOnlyList<TaskAssignment> Assignments);
