using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Coordination;

/// <summary>A page of memory entries in ordinal key order.</summary>
/// <param name="NextCursor">Pass as the cursor for the next page; null on the last page.</param>
[GenerateSerializer]
[Immutable]
public sealed record MemoryPage(
    [property: Id(0)] IReadOnlyList<MemoryEntry> Items,
    [property: Id(1)] string? NextCursor);
