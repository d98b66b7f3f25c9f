using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Tge;

/// <summary>What one source's intake handed to the keyword stage since it was activated.</summary>
/// <param name="SourceId">The source (the intake grain's key).</param>
/// <param name="Batches">Stream batches received.</param>
/// <param name="Items">Items received.</param>
/// <param name="Candidates">Candidates the keyword stage published for them.</param>
/// <param name="Failed">Items not classified: in batches the keyword stage failed on (logged; the stream's own retry applies), or dropped on a silo without TGE detection.</param>
[GenerateSerializer]
[Immutable]
public sealed record TgeIntakeStatistics(
    [property: Id(0)] string SourceId,
    [property: Id(1)] long Batches,
    [property: Id(2)] long Items,
    [property: Id(3)] long Candidates,
    [property: Id(4)] long Failed);
