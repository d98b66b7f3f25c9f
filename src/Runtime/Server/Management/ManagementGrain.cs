using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Membership;
using TgeSwarm.Runtime.SystemTargets;

namespace TgeSwarm.Runtime.Management;

/// <summary>
/// Answers the management API for the whole cluster: hosts come from this silo's membership view; activation
/// figures are asked of every active silo (its <see cref="ISiloControl"/>) and merged. A stateless worker, so the
/// caller's own silo answers and no single silo becomes the management hot spot. A silo that fails to answer is
/// left out of the merge rather than failing the whole question; its host entry still shows its status.
/// </summary>
[StatelessWorker(1)]
internal sealed class ManagementGrain(IClusterMembershipService membership, LocalSiloDetails silo, Streams.StreamProviderRegistry streams) : Grain, IManagementGrain
{
    public async Task<List<StreamSubscriptionLagInfo>> GetStreamLag(string provider)
    {
        ArgumentException.ThrowIfNullOrEmpty(provider);
        if (streams.Get(provider) is not Streams.Persistent.PersistentStreamProvider persistent)
        {
            throw new ArgumentException($"Stream provider '{provider}' keeps no positions (memory streams are at-most-once); lag exists for persistent providers only.", nameof(provider));
        }

        // Positions live in the shared database, so any silo can answer for the whole cluster.
        var lag = await persistent.Storage.GetLagAsync(CancellationToken.None);
        return [.. lag
            .OrderByDescending(static l => l.PendingEvents)
            .ThenBy(static l => l.SubscriptionId)
            .Select(l => new StreamSubscriptionLagInfo(
                provider, l.SubscriptionId, l.StreamId.Namespace, l.StreamId.Key, l.QueueId, l.DeliveredSeq, l.HeadSeq, l.PendingRows, l.PendingEvents, l.UpdatedAt))];
    }

    public Task<List<SiloHostInfo>> GetHosts(bool onlyActive)
    {
        var members = membership.CurrentSnapshot.Members.Values;
        var hosts = members
            .Where(m => !onlyActive || m.Status == SiloStatus.Active)
            .OrderBy(static m => m.SiloAddress)
            .Select(static m => new SiloHostInfo(m.SiloAddress.ToString(), m.Name, m.Status, m.StartedAt))
            .ToList();
        if (hosts.Count == 0 && (!onlyActive || silo.Status == SiloStatus.Active))
        {
            // Before the first membership read (or without one), this silo still knows itself.
            hosts.Add(new SiloHostInfo(silo.SiloAddress.ToString(), silo.Name, silo.Status, silo.StartedAt));
        }

        return Task.FromResult(hosts);
    }

    public async Task<List<SimpleGrainStatistic>> GetSimpleGrainStatistics()
    {
        var perSilo = await AskEverySilo(static control => control.GetSimpleGrainStatistics());
        return [.. perSilo.SelectMany(static s => s).OrderBy(static s => s.GrainType, StringComparer.Ordinal).ThenBy(static s => s.SiloAddress, StringComparer.Ordinal)];
    }

    public async Task<List<ActivationInfo>> GetActivations(string grainType, int limit)
    {
        ArgumentException.ThrowIfNullOrEmpty(grainType);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var perSilo = await AskEverySilo(control => control.GetActivations(grainType, limit));
        return [.. perSilo.SelectMany(static a => a).OrderBy(static a => a.GrainId).Take(limit)];
    }

    public async Task<int> GetTotalActivationCount()
    {
        var perSilo = await AskEverySilo(static control => control.GetActivationCount());
        return perSilo.Sum();
    }

    private async Task<List<T>> AskEverySilo<T>(Func<ISiloControl, Task<T>> ask)
    {
        var silos = membership.CurrentSnapshot.ActiveSilos;
        IEnumerable<SiloAddress> targets = silos.IsDefaultOrEmpty ? [silo.SiloAddress] : silos;
        var calls = targets.Select(s => ask(GrainFactory.GetGrain<ISiloControl>(s.ToString()))).ToArray();
        try
        {
            await Task.WhenAll(calls);
        }
        catch (Exception exception) when (exception is SiloUnavailableException or TimeoutException)
        {
            // Some silo left or is slow: merge what the others answered.
        }

        return [.. calls.Where(static c => c.IsCompletedSuccessfully).Select(static c => c.Result)];
    }
}
