namespace TgeSwarm.Silo.Security;

/// <summary>The roles' names as they appear in claims, JSON, PostgreSQL and messages.</summary>
internal static class ApiRoles
{
    public const string Viewer = "viewer";
    public const string Operator = "operator";
    public const string Admin = "admin";

    public static string Name(ApiRole role) => role switch
    {
        ApiRole.Viewer => Viewer,
        ApiRole.Operator => Operator,
        ApiRole.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not an API role."),
    };

    public static bool TryParse(string? name, out ApiRole role)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case Viewer:
                role = ApiRole.Viewer;
                return true;
            case Operator:
                role = ApiRole.Operator;
                return true;
            case Admin:
                role = ApiRole.Admin;
                return true;
            default:
                role = default;
                return false;
        }
    }

    /// <summary>The role names that satisfy <paramref name="least"/>: it and every role above it.</summary>
    public static string[] AtLeast(ApiRole least) =>
        Enum.GetValues<ApiRole>().Where(r => r >= least).Select(Name).ToArray();
}
