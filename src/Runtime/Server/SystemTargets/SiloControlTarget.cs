using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Membership;
using TgeSwarm.Runtime.Scheduling;

namespace TgeSwarm.Runtime.SystemTargets;

/// <summary>Answers <see cref="ISiloControl"/> from this silo's catalog. Reentrant: a probe never waits behind a slow query.</summary>
[Reentrant]
internal sealed class SiloControlTarget(Catalog.Catalog catalog, LocalSiloDetails silo, CallClock clock, ClusterHealthMonitor healthMonitor) : Grain, ISiloControl
{
    public Task<SiloStatus> Ping(int probeNumber, CancellationToken cancellationToken) => Task.FromResult(silo.Status);

    public Task<List<SimpleGrainStatistic>> GetSimpleGrainStatistics()
    {
        var address = silo.SiloAddress.ToString();
        var statistics = catalog.Activations
            .Where(static a => !a.ClassInfo.IsSystemTarget)
            .GroupBy(static a => a.GrainId.Type, StringComparer.Ordinal)
            .Select(g => new SimpleGrainStatistic(g.Key, address, g.Count()))
            .ToList();
        return Task.FromResult(statistics);
    }

    public Task<List<ActivationInfo>> GetActivations(string grainType, int limit)
    {
        ArgumentException.ThrowIfNullOrEmpty(grainType);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var now = clock.Now();
        var activations = catalog.Activations
            .Where(a => string.Equals(a.GrainId.Type, grainType, StringComparison.Ordinal))
            .OrderBy(static a => a.GrainId)
            .Take(limit)
            .Select(a => a.Describe(now))
            .ToList();
        return Task.FromResult(activations);
    }

    public Task<int> GetActivationCount() => Task.FromResult(catalog.Activations.Count(static a => !a.ClassInfo.IsSystemTarget));

    public Task<IndirectProbeResult> ProbeIndirectly(SiloAddress target, int probeNumber, CancellationToken cancellationToken) =>
        healthMonitor.ProbeOnBehalfAsync(target, probeNumber, cancellationToken);
}
