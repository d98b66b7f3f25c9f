namespace TgeSwarm.Silo.Api.Audit;

/// <summary>Audit entries, newest first; pass <see cref="NextCursor"/> as <c>cursor</c> for the next page (null on the last).</summary>
internal sealed record AuditPage(IReadOnlyList<AuditEntry> Items, string? NextCursor);
