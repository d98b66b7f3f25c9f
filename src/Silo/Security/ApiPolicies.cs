namespace TgeSwarm.Silo.Security;

/// <summary>
/// The authorization policies of the API, one per role, each met by that role or a higher one. Endpoints name one
/// with <c>RequireAuthorization(ApiPolicies.Operator)</c>; the dashboard's swarm views use the same names.
/// </summary>
internal static class ApiPolicies
{
    public const string Viewer = "api-viewer";
    public const string Operator = "api-operator";
    public const string Admin = "api-admin";

    public static ApiRole RoleOf(string policy) => policy switch
    {
        Viewer => ApiRole.Viewer,
        Operator => ApiRole.Operator,
        Admin => ApiRole.Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Not an API policy."),
    };
}
