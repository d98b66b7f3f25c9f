namespace TgeSwarm.Grains.Interfaces.Tge;

/// <summary>What an event grain did with one candidate.</summary>
public enum TgeMergeOutcome
{
    /// <summary>The token's first sighting: a new record (notice <see cref="TgeEventChange.Created"/>).</summary>
    Created = 0,

    /// <summary>A further sighting that changed sources, confidence, time or venue (notice <see cref="TgeEventChange.Updated"/>).</summary>
    Updated = 1,

    /// <summary>The same item again (same source and item id, or the same source's title re-issued): nothing changed, no notice.</summary>
    Duplicate = 2,

    /// <summary>The candidate failed validation (counted by reason, logged); nothing changed.</summary>
    Rejected = 3,

    /// <summary>Handed to the grain of the token's symbol slug (a name slug linked to a symbol).</summary>
    Forwarded = 4,
}
