namespace TgeSwarm.Silo.Configuration;

/// <summary>The <c>Api</c> configuration section: the REST API's keys, limits and caches (src/Silo/Api/API.md).</summary>
internal sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>
    /// An admin key to accept, given as the key itself (at least 32 characters; <c>tgeswarm</c> keys are 47). It is
    /// hashed on load and kept as the key <c>config-admin</c>. Default none: the embedded default then generates one
    /// and logs it once at start-up; a cluster member uses the keys already in PostgreSQL.
    /// </summary>
    public string? AdminKey { get; set; }

    /// <summary>The largest request body accepted, in bytes; a larger one is answered 413. Default 64 KiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// How long a silo trusts what it looked up about a key. A key revoked on another silo stops working here within
    /// this time (at once on the silo that revoked it). Default 5 s.
    /// </summary>
    public TimeSpan KeyCacheTtl { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Audit entries kept in memory on the embedded default (oldest dropped first). Default 10 000.</summary>
    public int MemoryAuditCapacity { get; set; } = 10_000;

    public ApiRateLimitOptions RateLimit { get; set; } = new();
}
