using TgeSwarm.Runtime;

namespace TgeSwarm.Silo.Api.Cluster;

/// <summary>
/// <c>/api/cluster</c> (viewer), from the management grain: the silos (<c>?all=true</c> includes dead and stopped
/// ones), and the grain types with their activation counts per silo.
/// </summary>
internal static class ClusterEndpoints
{
    public static RouteGroupBuilder MapCluster(this RouteGroupBuilder api)
    {
        var cluster = api.MapGroup("/cluster").WithTags("Cluster");
        cluster.MapGet("/silos", GetSilosAsync).WithName("GetSilos");
        cluster.MapGet("/grains", GetGrainsAsync).WithName("GetGrainTypes");
        return api;
    }

    private static Task<List<SiloHostInfo>> GetSilosAsync(bool? all, IGrainFactory grains) =>
        grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: all != true);

    private static async Task<GrainTypeActivations[]> GetGrainsAsync(IGrainFactory grains)
    {
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return statistics
            .GroupBy(s => s.GrainType, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new GrainTypeActivations(
                g.Key,
                g.Sum(s => s.ActivationCount),
                g.OrderBy(s => s.SiloAddress, StringComparer.Ordinal).Select(s => new SiloActivations(s.SiloAddress, s.ActivationCount)).ToArray()))
            .ToArray();
    }
}
