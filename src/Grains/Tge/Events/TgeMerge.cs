using TgeSwarm.Grains.Interfaces.Tge;

namespace TgeSwarm.Grains.Tge.Events;

/// <summary>The result of merging one sighting: what happened, why (for duplicates), and the record and field confidences after it.</summary>
internal sealed record TgeMerge(
    TgeMergeOutcome Outcome,
    string? Reason,
    TgeEvent? Record,
    double EventTimeConfidence,
    double VenueConfidence,
    bool Late);
