namespace TgeSwarm.Silo.Api.Audit;

/// <summary>Where audit entries go: PostgreSQL for a cluster member (one log for every silo), memory on the embedded default.</summary>
internal interface IAuditLog
{
    /// <summary>Stores <paramref name="entry"/> under a new id (its own <see cref="AuditEntry.Id"/> is ignored).</summary>
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> entries with ids below <paramref name="before"/> (all when null), newest first.</summary>
    Task<AuditPage> ReadAsync(int limit, long? before, CancellationToken cancellationToken);
}
