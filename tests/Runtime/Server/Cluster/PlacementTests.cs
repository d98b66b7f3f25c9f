using TgeSwarm.Runtime.Tests.Fixtures;
using TgeSwarm.TestGrains;

namespace TgeSwarm.Runtime.Tests.Cluster;

/// <summary>Placement strategies across three silos (research/orleans.md S31), each still one activation per grain.</summary>
public sealed class PlacementTests(MultiSiloFixture fixture) : IClassFixture<MultiSiloFixture>
{
    [Fact]
    public async Task A_prefer_local_grain_is_activated_on_the_silo_of_its_first_caller_and_found_there_by_the_others()
    {
        foreach (var silo in fixture.Cluster.Silos)
        {
            var key = $"local-{silo.Name}-{Guid.NewGuid():N}";
            var first = await fixture.ClientOf(silo).GetGrain<IPreferLocalGrain>(key).GetIdentityAsync();

            Assert.Equal(silo, fixture.HostOf(first));
            var others = await Task.WhenAll(fixture.Cluster.Silos.Select(s => fixture.ClientOf(s).GetGrain<IPreferLocalGrain>(key).GetIdentityAsync()));
            Assert.All(others, identity => Assert.Equal(first, identity));
        }
    }

    [Fact]
    public async Task Random_placement_spreads_grains_and_every_silo_finds_the_one_activation()
    {
        var hosts = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 30; i++)
        {
            var key = $"random-{i}-{Guid.NewGuid():N}";
            var identities = await Task.WhenAll(fixture.Cluster.Silos.Select(s => fixture.ClientOf(s).GetGrain<IRandomPlacedGrain>(key).GetIdentityAsync()));

            Assert.Single(identities.Distinct());
            hosts.Add(fixture.HostOf(identities[0]).Name);
        }

        Assert.True(hosts.Count >= 2, $"30 randomly placed grains all landed on {string.Join(", ", hosts)}");
    }

    [Fact]
    public async Task A_stateless_worker_runs_on_the_callers_silo()
    {
        var gate = $"worker-{Guid.NewGuid():N}";
        fixture.Signals.Open(gate);
        foreach (var silo in fixture.Cluster.Silos)
        {
            var identity = await fixture.ClientOf(silo).GetGrain<IWorkerGrain>(77).WorkAsync(gate);

            Assert.Equal(silo, fixture.HostOf(identity));
        }
    }
}
