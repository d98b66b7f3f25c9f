using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Tge;

/// <summary>
/// The one record of a token's TGE, merged from every source that reported it (the event grain's state, the row the
/// API serves and the body of every alert).
/// </summary>
/// <param name="TokenSlug">The record's key (see <see cref="TgeCandidate.TokenSlug"/>).</param>
/// <param name="Symbol">The token symbol, when any source named one.</param>
/// <param name="Name">The project name, when any source named one.</param>
/// <param name="Kind">The event's kind, from the most confident sighting.</param>
/// <param name="Venue">The venue, from the most confident sighting that names one.</param>
/// <param name="EventTime">When the event happens, from the most confident sighting that gives a time.</param>
/// <param name="Confidence">The highest confidence of any sighting.</param>
/// <param name="Title">The title of the first sighting.</param>
/// <param name="FirstSeenAt">When the first source saw it: the detection time.</param>
/// <param name="UpdatedAt">When the record last changed.</param>
/// <param name="Version">Starts at 1 and grows by one on every change.</param>
/// <param name="Sightings">Every source report merged into the record, oldest first.</param>
[GenerateSerializer]
[Immutable]
public sealed record TgeEvent(
    [property: Id(0)] string TokenSlug,
    [property: Id(1)] string? Symbol,
    [property: Id(2)] string? Name,
    [property: Id(3)] TgeKind Kind,
    [property: Id(4)] string? Venue,
    [property: Id(5)] DateTimeOffset? EventTime,
    [property: Id(6)] double Confidence,
    [property: Id(7)] string Title,
    [property: Id(8)] DateTimeOffset FirstSeenAt,
    [property: Id(9)] DateTimeOffset UpdatedAt,
    [property: Id(10)] int Version,
    [property: Id(11)] IReadOnlyList<TgeSighting> Sightings);
