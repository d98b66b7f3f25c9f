namespace TgeSwarm.Client.Api;

/// <summary>An API key as listed (never the key itself).</summary>
public sealed record ApiKeyInfo(string Id, string Name, string Role, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>A key just created: <see cref="Key"/> is shown this once and stored nowhere.</summary>
public sealed record CreatedApiKey(string Id, string Name, string Role, DateTimeOffset CreatedAt, string Key);

/// <summary>The key a request was made with.</summary>
public sealed record CurrentApiKey(string Id, string Name, string Role);

/// <summary>One audited call.</summary>
public sealed record AuditEntry(
    long Id,
    DateTimeOffset At,
    string? KeyId,
    string? KeyName,
    string Method,
    string Route,
    string? Target,
    int Status,
    string? RemoteAddress);

/// <summary>Audit entries, newest first; <see cref="NextCursor"/> asks for the next page (null on the last).</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, string? NextCursor);

/// <summary>A grain type with its activations per silo.</summary>
public sealed record GrainTypeActivations(string GrainType, int Total, IReadOnlyList<SiloActivations> Silos);

public sealed record SiloActivations(string SiloAddress, int Activations);

/// <summary>One of a silo's read caches in front of the cache grains (policy is lru, lfu or arc).</summary>
public sealed record ReadCacheInfo(
    string Name,
    string Policy,
    int Capacity,
    int Count,
    long Hits,
    long Misses,
    double HitRate,
    long Evictions,
    long Expirations);

/// <summary>A memory entry's version after a write.</summary>
public sealed record MemoryWritten(string Namespace, string Key, long Version);
