using TgeSwarm.Runtime.Hosting;

namespace TgeSwarm.Runtime.Management;

/// <summary>
/// Answers the management API from this silo's catalog. With one silo that is the whole cluster; the cluster
/// version fans the same questions out to every active silo and merges the answers.
/// </summary>
internal sealed class ManagementGrain(Catalog.Catalog catalog, LocalSiloDetails silo, TimeProvider timeProvider) : Grain, IManagementGrain
{
    public Task<List<SiloHostInfo>> GetHosts(bool onlyActive)
    {
        var self = new SiloHostInfo(silo.SiloAddress.ToString(), silo.Name, silo.Status, silo.StartedAt);
        return Task.FromResult(onlyActive && silo.Status != SiloStatus.Active ? new List<SiloHostInfo>() : [self]);
    }

    public Task<List<SimpleGrainStatistic>> GetSimpleGrainStatistics()
    {
        var address = silo.SiloAddress.ToString();
        var statistics = catalog.Activations
            .GroupBy(static a => a.GrainId.Type, StringComparer.Ordinal)
            .Select(g => new SimpleGrainStatistic(g.Key, address, g.Count()))
            .OrderBy(static s => s.GrainType, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(statistics);
    }

    public Task<List<ActivationInfo>> GetActivations(string grainType, int limit)
    {
        ArgumentException.ThrowIfNullOrEmpty(grainType);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var now = timeProvider.GetTimestamp();
        var activations = catalog.Activations
            .Where(a => string.Equals(a.GrainId.Type, grainType, StringComparison.Ordinal))
            .OrderBy(static a => a.GrainId)
            .Take(limit)
            .Select(a => a.Describe(now))
            .ToList();
        return Task.FromResult(activations);
    }

    public Task<int> GetTotalActivationCount() => Task.FromResult(catalog.ActivationCount);
}
