using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Tge;

/// <summary>What happened to an event record.</summary>
public enum TgeEventChange
{
    /// <summary>The first sighting of the token's event: a new alert.</summary>
    Created = 0,

    /// <summary>A further source, a better confidence or new details (time, venue) for a known event.</summary>
    Updated = 1,
}

/// <summary>A new or updated event record, as it travels on <see cref="TgeStreamNames.Events"/>.</summary>
/// <param name="Event">The record after the change.</param>
/// <param name="Change">Whether the record is new or was updated.</param>
[GenerateSerializer]
[Immutable]
public sealed record TgeEventNotice(
    [property: Id(0)] TgeEvent Event,
    [property: Id(1)] TgeEventChange Change);
