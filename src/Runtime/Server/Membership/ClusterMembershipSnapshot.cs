using System.Collections.Immutable;

namespace TgeSwarm.Runtime.Membership;

/// <summary>
/// An immutable view of the cluster at one membership version. Versions only grow: a consumer that sees version n
/// never sees a view older than n afterwards.
/// </summary>
internal sealed class ClusterMembershipSnapshot
{
    // Endpoint → the newest generation seen on it: a lower generation there is a silo that was restarted.
    private readonly Dictionary<System.Net.IPEndPoint, int> _newestGeneration = [];

    public ClusterMembershipSnapshot(long version, ImmutableDictionary<SiloAddress, ClusterMember> members)
    {
        Version = version;
        Members = members;
        ActiveSilos = [.. members.Values.Where(static m => m.Status == SiloStatus.Active).Select(static m => m.SiloAddress).Order()];
        foreach (var member in members.Keys)
        {
            var endpoint = member.Endpoint;
            if (!_newestGeneration.TryGetValue(endpoint, out var generation) || generation < member.Generation)
            {
                _newestGeneration[endpoint] = member.Generation;
            }
        }
    }

    public static ClusterMembershipSnapshot Empty { get; } = new(0, ImmutableDictionary<SiloAddress, ClusterMember>.Empty);

    public long Version { get; }

    public ImmutableDictionary<SiloAddress, ClusterMember> Members { get; }

    /// <summary>The active silos, sorted (by <see cref="SiloAddress.CompareTo"/>), so every silo derives the same ring from them.</summary>
    public ImmutableArray<SiloAddress> ActiveSilos { get; }

    /// <summary>The status of <paramref name="silo"/>; <see cref="SiloStatus.None"/> when this view does not know it.</summary>
    public SiloStatus GetStatus(SiloAddress silo) => Members.TryGetValue(silo, out var member) ? member.Status : SiloStatus.None;

    /// <summary>
    /// Whether <paramref name="silo"/> is known to be dead: declared dead, or superseded by a newer generation on the
    /// same endpoint.
    /// </summary>
    public bool IsDead(SiloAddress silo) =>
        GetStatus(silo) == SiloStatus.Dead
        || (_newestGeneration.TryGetValue(silo.Endpoint, out var newest) && newest > silo.Generation);
}
