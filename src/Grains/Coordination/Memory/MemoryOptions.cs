namespace TgeSwarm.Grains.Coordination.Memory;

/// <summary>Bounds of one memory namespace (section <c>Coordination:Memory</c>).</summary>
internal sealed class MemoryOptions
{
    public const string SectionName = "Coordination:Memory";

    /// <summary>The largest value, in UTF-8 bytes. Default 64 KiB: findings are small documents, not payloads.</summary>
    public int MaxValueBytes { get; set; } = 64 * 1024;

    /// <summary>The most live keys in one namespace. Default 10,000.</summary>
    public int MaxKeys { get; set; } = 10_000;

    /// <summary>The most UTF-8 bytes of values in one namespace (it is persisted as one state). Default 8 MiB.</summary>
    public int MaxNamespaceBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>The longest key, in characters. Default 256.</summary>
    public int MaxKeyLength { get; set; } = 256;

    /// <summary>How often expired entries are purged from the stored state (they are invisible from their expiry on). Default 1 min.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromMinutes(1);
}
