using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Coordination;

/// <summary>One live entry of a memory namespace.</summary>
/// <param name="Value">JSON text, as written.</param>
/// <param name="Version">The namespace's version at the entry's last write; pass it back as the expected version.</param>
/// <param name="ExpiresAt">When it stops being visible; null: never.</param>
/// <param name="UpdatedAt">When it was last written.</param>
/// <param name="UpdatedBy">Who wrote it last, as the writer said (an agent's key, an API key's name), or null.</param>
[GenerateSerializer]
[Immutable]
public sealed record MemoryEntry(
    [property: Id(0)] string Key,
    [property: Id(1)] string Value,
    [property: Id(2)] long Version,
    [property: Id(3)] DateTimeOffset? ExpiresAt,
    [property: Id(4)] DateTimeOffset UpdatedAt,
    [property: Id(5)] string? UpdatedBy);
