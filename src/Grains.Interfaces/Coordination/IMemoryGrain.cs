using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Coordination;

/// <summary>
/// Shared findings of one namespace (the grain key, e.g. <c>sources</c> or <c>market.anomalies</c>): a key-value map of
/// JSON values with versions and optional time-to-live, persisted. Every write gets a new version, unique within the
/// namespace and growing, so optimistic concurrency never confuses a re-created key with the one that was removed.
/// Expired entries are invisible at once and purged by a timer. Bad input fails with
/// <see cref="CoordinationArgumentException"/> naming the field; a version mismatch with <see cref="MemoryVersionConflictException"/>.
/// </summary>
public interface IMemoryGrain : IGrainWithStringKey
{
    /// <summary>
    /// Writes <paramref name="value"/> (JSON text) under <paramref name="key"/> and returns its new version.
    /// <paramref name="ttl"/>: lifetime from now, null for no expiry. <paramref name="expectedVersion"/>: the version
    /// the caller read (0: the key must not exist); null writes unconditionally.
    /// </summary>
    Task<long> SetAsync(string key, string value, TimeSpan? ttl, long? expectedVersion, string? updatedBy, CancellationToken cancellationToken);

    /// <summary>The live entry, or null when the key is missing or expired.</summary>
    [ReadOnly]
    Task<MemoryEntry?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Live entries whose key starts with <paramref name="prefix"/> (null: all), in ordinal key order, one page at a time.</summary>
    /// <param name="limit">Page size, 1..1000.</param>
    /// <param name="cursor">The previous page's <see cref="MemoryPage.NextCursor"/>; null for the first page.</param>
    [ReadOnly]
    Task<MemoryPage> ListAsync(string? prefix, int limit, string? cursor, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the entry; false when there was no live entry (and no <paramref name="expectedVersion"/> was given).
    /// With <paramref name="expectedVersion"/>, a missing entry or another version fails with <see cref="MemoryVersionConflictException"/>.
    /// </summary>
    Task<bool> RemoveAsync(string key, long? expectedVersion, CancellationToken cancellationToken);
}
