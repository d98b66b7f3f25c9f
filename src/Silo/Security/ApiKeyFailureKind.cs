namespace TgeSwarm.Silo.Security;

internal enum ApiKeyFailureKind
{
    Unknown,
    Revoked,

    /// <summary>A cookie-authenticated request that changes something came without the dashboard's CSRF header.</summary>
    MissingCsrfHeader,
}
