using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Market;

/// <summary>
/// What the feature grain of one venue and instrument publishes on <see cref="MarketStreamNames.Features"/>: its
/// features after a turn, with every bar that closed since its previous update (oldest first; 1 s, 1 min and the
/// indicator interval's bars interleaved in the order they closed).
/// </summary>
/// <param name="ReceivedAt">
/// UTC microseconds at which the oldest frame behind this update was received, for latency measurement; 0 when
/// unknown. Set by the grain, not by the feature engine.
/// </param>
/// <param name="Frames">Venue frames behind this update; 0 when unknown. Set by the grain.</param>
[GenerateSerializer]
[Immutable]
public sealed record FeatureUpdate(
    [property: Id(0)] FeatureSnapshot Snapshot,
    [property: Id(1)] IReadOnlyList<Bar> ClosedBars,
    [property: Id(2)] long ReceivedAt = 0,
    [property: Id(3)] int Frames = 0);
