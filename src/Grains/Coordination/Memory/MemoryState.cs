using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Coordination.Memory;

/// <summary>A namespace's persisted entries and the last version it handed out.</summary>
[GenerateSerializer]
internal sealed class MemoryState
{
    [Id(0)]
    public Dictionary<string, MemoryRecord> Entries { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Grows with every write and never goes back, so no two writes of the namespace share a version.</summary>
    [Id(1)]
    public long LastVersion { get; set; }
}
