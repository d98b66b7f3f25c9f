using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Tge;

/// <summary>One source's report of a TGE event: which item said it, what it said and when each stage saw it.</summary>
/// <param name="SourceId">The source that reported it.</param>
/// <param name="ItemId">The item's id within that source.</param>
/// <param name="Title">The item's title (plain text).</param>
/// <param name="Link">The item's link, when it has a safe one.</param>
/// <param name="Language">The item's language tag, when declared.</param>
/// <param name="Kind">The kind this item announced.</param>
/// <param name="Venue">The venue this item named, when it named one.</param>
/// <param name="Confidence">The classifier's confidence for this item.</param>
/// <param name="Published">The publish time the source gave.</param>
/// <param name="SeenAt">When the source grain found the item.</param>
/// <param name="RecordedAt">When the event grain merged it into the record.</param>
[GenerateSerializer]
[Immutable]
public sealed record TgeSighting(
    [property: Id(0)] string SourceId,
    [property: Id(1)] string ItemId,
    [property: Id(2)] string Title,
    [property: Id(3)] string? Link,
    [property: Id(4)] string? Language,
    [property: Id(5)] TgeKind Kind,
    [property: Id(6)] string? Venue,
    [property: Id(7)] double Confidence,
    [property: Id(8)] DateTimeOffset? Published,
    [property: Id(9)] DateTimeOffset SeenAt,
    [property: Id(10)] DateTimeOffset RecordedAt);
