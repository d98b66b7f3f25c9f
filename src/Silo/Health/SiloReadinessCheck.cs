using Microsoft.Extensions.Diagnostics.HealthChecks;
using TgeSwarm.Runtime;
using TgeSwarm.Runtime.Hosting;

namespace TgeSwarm.Silo.Health;

/// <summary>Ready only while the silo is an active member: HAProxy sends traffic to ready silos only.</summary>
internal sealed class SiloReadinessCheck(ILocalSiloDetails silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["silo"] = silo.SiloAddress.ToString(),
            ["name"] = silo.Name,
            ["status"] = silo.Status.ToString(),
        };
        return Task.FromResult(silo.Status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"Silo {silo.Name} is active.", data)
            : HealthCheckResult.Unhealthy($"Silo {silo.Name} is {silo.Status}, not active.", data: data));
    }
}
