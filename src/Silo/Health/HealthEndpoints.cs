using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace TgeSwarm.Silo.Health;

internal static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    /// <summary>
    /// <c>/health/live</c>: the process answers (no checks, so a busy silo is not restarted for being busy);
    /// <c>/health/ready</c>: every check tagged ready passes (when not, the body names each check and why).
    /// </summary>
    public static IEndpointRouteBuilder MapSwarmHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = static _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = static check => check.Tags.Contains(ReadyTag),
            ResponseWriter = ReadinessResponseWriter.WriteAsync,
        });
        return endpoints;
    }
}
