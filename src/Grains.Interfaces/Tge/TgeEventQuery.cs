using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Tge;

/// <summary>A page request over stored event records, newest first (by <see cref="TgeEvent.FirstSeenAt"/>).</summary>
/// <param name="From">Only events first seen at or after this time.</param>
/// <param name="To">Only events first seen before this time.</param>
/// <param name="Token">Only this token: matched against the slug and, case-insensitively, the symbol.</param>
/// <param name="Kind">Only this kind.</param>
/// <param name="MinConfidence">Only events at least this confident (0..1).</param>
/// <param name="Limit">Page size, 1..500.</param>
/// <param name="Cursor">The <see cref="TgeEventPage.NextCursor"/> of the previous page; null for the first.</param>
[GenerateSerializer]
[Immutable]
public sealed record TgeEventQuery(
    [property: Id(0)] DateTimeOffset? From = null,
    [property: Id(1)] DateTimeOffset? To = null,
    [property: Id(2)] string? Token = null,
    [property: Id(3)] TgeKind? Kind = null,
    [property: Id(4)] double? MinConfidence = null,
    [property: Id(5)] int Limit = 50,
    [property: Id(6)] string? Cursor = null);

/// <summary>One page of event records.</summary>
/// <param name="Items">The records, newest first.</param>
/// <param name="NextCursor">Pass as <see cref="TgeEventQuery.Cursor"/> for the next page; null on the last page.</param>
[GenerateSerializer]
[Immutable]
public sealed record TgeEventPage(
    [property: Id(0)] IReadOnlyList<TgeEvent> Items,
    [property: Id(1)] string? NextCursor);
