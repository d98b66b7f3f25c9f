using TgeSwarm.Runtime.Tests.Fixtures;
using TgeSwarm.TestGrains;

namespace TgeSwarm.Runtime.Tests.Cluster;

/// <summary>
/// DESIGN.md semantic 1 through membership changes: a silo joining and leaving moves directory ownership, yet every
/// grain keeps exactly one activation, and existing activations stay where they are (placement happens once).
/// </summary>
public sealed class MembershipChangeTests(MultiSiloFixture fixture) : IClassFixture<MultiSiloFixture>
{
    [Fact]
    public async Task Grains_keep_one_activation_and_their_place_when_a_silo_joins_and_leaves()
    {
        var keys = Enumerable.Range(0, 60).Select(i => $"join-{i}").ToArray();
        var before = await IdentitiesSeenByEverySiloAsync(keys);

        var joined = await fixture.Cluster.StartAdditionalSiloAsync();
        var afterJoin = await IdentitiesSeenByEverySiloAsync(keys);
        Assert.Equal(before, afterJoin);

        var fresh = Enumerable.Range(0, 60).Select(i => $"joined-{i}").ToArray();
        var placedWithFour = await IdentitiesSeenByEverySiloAsync(fresh);
        Assert.Contains(placedWithFour.Values, identity => fixture.HostOf(identity).Equals(joined));

        await fixture.Cluster.StopSiloAsync(joined);
        var afterLeave = await IdentitiesSeenByEverySiloAsync([.. keys, .. fresh]);
        Assert.Equal(before, afterLeave.Where(p => keys.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value));
        Assert.DoesNotContain(afterLeave.Values, identity => identity.Contains(joined.SiloAddress.ToString(), StringComparison.Ordinal));
    }

    /// <summary>Each key called from every running silo: all must see the same activation; returns it per key.</summary>
    private async Task<Dictionary<string, string>> IdentitiesSeenByEverySiloAsync(string[] keys)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var identities = await Task.WhenAll(fixture.Cluster.ActiveSilos.Select(s => fixture.ClientOf(s).GetGrain<IBehaviourGrain>(key).GetIdentityAsync()))
                .Within($"calls to {key}");
            Assert.Single(identities.Distinct());
            result[key] = identities[0];
        }

        return result;
    }
}
