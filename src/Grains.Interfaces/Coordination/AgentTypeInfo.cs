using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Coordination;

/// <summary>An agent type the queen has a driver for.</summary>
/// <param name="Type">The name commands use, e.g. <c>ingestion</c>.</param>
/// <param name="Pipeline">The pipeline its agents belong to (<see cref="PipelineNames"/>).</param>
/// <param name="Sharded">Whether <see cref="IQueenGrain.ScaleAsync"/> applies: keys are <c>group#n</c> and task items are distributed over the shards.</param>
/// <param name="TaskItems">What the distributed task items are (<c>instruments</c>), or null when not sharded.</param>
[GenerateSerializer]
[Immutable]
public sealed record AgentTypeInfo(
    [property: Id(0)] string Type,
    [property: Id(1)] string Pipeline,
    [property: Id(2)] bool Sharded,
    [property: Id(3)] string? TaskItems);
