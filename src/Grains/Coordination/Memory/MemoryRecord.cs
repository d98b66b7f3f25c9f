using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Coordination.Memory;

/// <summary>One stored entry of a namespace, live or expired (until the purge).</summary>
[GenerateSerializer]
internal sealed class MemoryRecord
{
    [Id(0)]
    public string Value { get; set; } = "";

    [Id(1)]
    public long Version { get; set; }

    [Id(2)]
    public DateTimeOffset? ExpiresAt { get; set; }

    [Id(3)]
    public DateTimeOffset UpdatedAt { get; set; }

    [Id(4)]
    public string? UpdatedBy { get; set; }

    /// <summary>UTF-8 length of <see cref="Value"/>, kept so the namespace's total is summed without re-encoding.</summary>
    [Id(5)]
    public int Bytes { get; set; }

    public bool IsLive(DateTimeOffset now) => ExpiresAt is not { } expiry || now < expiry;
}
