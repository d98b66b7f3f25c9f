using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Tge;

/// <summary>
/// One item a source grain saw for the first time, as it travels on <see cref="TgeStreamNames.Raw"/>. Text is
/// already plain (the source parsers strip markup and bound lengths); every item is emitted once per source.
/// </summary>
/// <param name="SourceId">The configured source that read it.</param>
/// <param name="ItemId">Stable per source: the feed's guid, the API's id, else the link, else a hash of title and date.</param>
/// <param name="Title">Plain text, never empty.</param>
/// <param name="Summary">Plain text, possibly empty.</param>
/// <param name="Link">Absolute http(s) link, or null.</param>
/// <param name="Published">The publish time the source gives, with its zone; null when absent.</param>
/// <param name="Language">The language tag the source declares, when it declares one.</param>
/// <param name="Categories">Categories or catalogue names the source attaches.</param>
/// <param name="PolledAt">When the poll that first saw the item started.</param>
/// <param name="SeenAt">When that poll's body was parsed and the item found new.</param>
[GenerateSerializer]
[Immutable]
public sealed record TgeItem(
    [property: Id(0)] string SourceId,
    [property: Id(1)] string ItemId,
    [property: Id(2)] string Title,
    [property: Id(3)] string Summary,
    [property: Id(4)] string? Link,
    [property: Id(5)] DateTimeOffset? Published,
    [property: Id(6)] string? Language,
    [property: Id(7)] IReadOnlyList<string> Categories,
    [property: Id(8)] DateTimeOffset PolledAt,
    [property: Id(9)] DateTimeOffset SeenAt);
