namespace TgeSwarm.Silo.Security;

internal enum RevokeOutcome
{
    Revoked,
    NotFound,

    /// <summary>The key of <c>Api:AdminKey</c>: configuration brings it back on the next start, so revoking it would mislead.</summary>
    Configured,
}
