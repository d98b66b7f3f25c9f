using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Tge.Sources;

/// <summary>One change the performance grain made.</summary>
/// <param name="Target"><c>source:{id}</c> or <c>host:{key}</c>.</param>
/// <param name="Setting"><c>MinInterval</c> (a source's interval floor) or <c>Concurrency</c> (a host's cap).</param>
/// <param name="From">The value before, as text.</param>
/// <param name="To">The value in force after the target applied its own bounds, as text.</param>
/// <param name="Reason">Why, with the figures that decided it.</param>
[GenerateSerializer]
[Immutable]
public sealed record TgePerformanceDecision(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Target,
    [property: Id(2)] string Setting,
    [property: Id(3)] string From,
    [property: Id(4)] string To,
    [property: Id(5)] string Reason);
