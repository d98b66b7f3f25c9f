using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Tge;

/// <summary>
/// An item the keyword stage classified as a TGE, on its way to the event grain of its token
/// (<see cref="TgeStreamNames.Candidates"/>, keyed by <paramref name="TokenSlug"/>).
/// </summary>
/// <param name="TokenSlug">The event grain's key: the normalised symbol, or the normalised project name when no symbol was found.</param>
/// <param name="Item">The item as the source read it.</param>
/// <param name="Classification">The classifier's verdict (<see cref="TgeClassification.IsTge"/> is true).</param>
/// <param name="ClassifiedAt">When the keyword stage decided.</param>
[GenerateSerializer]
[Immutable]
public sealed record TgeCandidate(
    [property: Id(0)] string TokenSlug,
    [property: Id(1)] TgeItem Item,
    [property: Id(2)] TgeClassification Classification,
    [property: Id(3)] DateTimeOffset ClassifiedAt);
