using TgeSwarm.Grains.Interfaces.Tge;

namespace TgeSwarm.Grains.Tge.Events;

/// <summary>A candidate after <see cref="TgeCandidateCleaner"/>: the sighting to merge and the verdict's cleaned fields.</summary>
internal sealed record TgeCleanCandidate(
    TgeSighting Sighting,
    string? Symbol,
    string? Name,
    TgeKind Kind,
    string? Venue,
    DateTimeOffset? EventTime,
    double Confidence);
