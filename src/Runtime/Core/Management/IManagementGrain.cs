namespace TgeSwarm.Runtime;

/// <summary>
/// Operators' view of the cluster: silos, grain types with activation counts per silo, and the activations of a
/// type. Reachable from any client as <c>GetGrain&lt;IManagementGrain&gt;(0)</c>.
/// </summary>
public interface IManagementGrain : IGrainWithIntegerKey
{
    Task<List<SiloHostInfo>> GetHosts(bool onlyActive);

    Task<List<SimpleGrainStatistic>> GetSimpleGrainStatistics();

    /// <summary>Up to <paramref name="limit"/> activations of <paramref name="grainType"/> (e.g. <c>counter</c>), ordered by grain id.</summary>
    Task<List<ActivationInfo>> GetActivations(string grainType, int limit);

    Task<int> GetTotalActivationCount();

    /// <summary>
    /// The lag of every subscription of persistent stream provider <paramref name="provider"/> (PostgreSQL streams),
    /// largest pending event count first. Memory streams keep no positions and are refused.
    /// </summary>
    Task<List<StreamSubscriptionLagInfo>> GetStreamLag(string provider);
}
