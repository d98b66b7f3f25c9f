namespace TgeSwarm.Silo.Security;

/// <summary>A stored API key: everything but the key itself, of which only <see cref="Hash"/> (SHA-256) is kept.</summary>
internal sealed record ApiKeyRecord(
    string Id,
    string Name,
    ApiRole Role,
    byte[] Hash,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}
