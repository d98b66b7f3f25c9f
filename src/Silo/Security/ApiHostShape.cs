namespace TgeSwarm.Silo.Security;

/// <summary>Which of the binary's two shapes this host is, as the API's stores need to know.</summary>
internal sealed record ApiHostShape(string? PostgresConnectionString)
{
    public bool IsClusterMember => !string.IsNullOrWhiteSpace(PostgresConnectionString);
}
