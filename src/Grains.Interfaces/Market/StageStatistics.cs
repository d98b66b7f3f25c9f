using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Market;

/// <summary>What one pipeline stage's activation has seen since it was activated.</summary>
/// <param name="Stage">validation, transform, features, windows or cache.</param>
/// <param name="EventsIn">Trades and book updates (or feature updates) received.</param>
/// <param name="EventsOut">Events passed on to the next stage.</param>
/// <param name="Dropped">Events not passed on, per reason (validation rejects, duplicates, late events, …).</param>
[GenerateSerializer]
[Immutable]
public sealed record StageStatistics(
    [property: Id(0)] string Stage,
    [property: Id(1)] string Key,
    [property: Id(2)] long Batches,
    [property: Id(3)] long EventsIn,
    [property: Id(4)] long EventsOut,
    [property: Id(5)] IReadOnlyDictionary<string, long> Dropped);
