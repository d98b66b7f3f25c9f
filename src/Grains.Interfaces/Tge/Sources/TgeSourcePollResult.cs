using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Tge.Sources;

/// <summary>The result of one poll.</summary>
/// <param name="Reason">For <see cref="TgePollOutcome.Failed"/>: the counted reason (see SOURCES.md), else null.</param>
/// <param name="StatusCode">The final HTTP status, 0 when no answer was received.</param>
/// <param name="ItemsRead">Items in the body.</param>
/// <param name="ItemsEmitted">Items published on <c>tge.raw</c> by this poll.</param>
/// <param name="NextPollIn">When the next scheduled poll is due, from the end of this one.</param>
[GenerateSerializer]
[Immutable]
public sealed record TgeSourcePollResult(
    [property: Id(0)] TgePollOutcome Outcome,
    [property: Id(1)] string? Reason,
    [property: Id(2)] int StatusCode,
    [property: Id(3)] int ItemsRead,
    [property: Id(4)] int ItemsEmitted,
    [property: Id(5)] TimeSpan NextPollIn);
