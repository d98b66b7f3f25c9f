using TgeSwarm.Grains.Interfaces.Tge;
using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Tge.Events;

/// <summary>An event grain's persisted state.</summary>
[GenerateSerializer]
internal sealed class TgeEventState
{
    /// <summary>The token's record; null until the first sighting.</summary>
    [Id(0)]
    public TgeEvent? Record { get; set; }

    /// <summary>The confidence of the sighting that gave <see cref="TgeEvent.EventTime"/> (sightings carry no time of their own).</summary>
    [Id(1)]
    public double EventTimeConfidence { get; set; }

    /// <summary>The confidence of the sighting that gave <see cref="TgeEvent.Venue"/>.</summary>
    [Id(4)]
    public double VenueConfidence { get; set; }

    /// <summary>On a grain keyed by a project-name slug: the symbol slug its later symbol-less candidates go to.</summary>
    [Id(2)]
    public string? LinkedTo { get; set; }

    /// <summary>Name slugs this (symbol) grain has linked to itself, so each is told once.</summary>
    [Id(3)]
    public List<string> LinkedNames { get; set; } = [];
}
