namespace TgeSwarm.Silo.Api.Audit;

/// <summary>What an endpoint adds to its call's audit entry.</summary>
internal static class ApiAudit
{
    private static readonly object TargetKey = new();

    /// <summary>Names what the call acted on when the route does not (e.g. the id of a key just created).</summary>
    public static void SetTarget(HttpContext context, string target) => context.Items[TargetKey] = target;

    public static string? GetTarget(HttpContext context) => context.Items.TryGetValue(TargetKey, out var target) ? target as string : null;
}
