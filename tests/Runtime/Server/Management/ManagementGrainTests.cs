using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Management;

public sealed class ManagementGrainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private IManagementGrain Management => fixture.Client.GetGrain<IManagementGrain>(0);

    [Fact]
    public async Task Operators_see_the_active_silo()
    {
        var hosts = await Management.GetHosts(onlyActive: true);

        var host = Assert.Single(hosts);
        Assert.Equal(SiloStatus.Active, host.Status);
        Assert.Equal(fixture.Cluster.Primary.SiloAddress.ToString(), host.SiloAddress);
    }

    [Fact]
    public async Task Activation_counts_per_grain_type_and_the_activations_of_a_type_are_listed()
    {
        foreach (var key in new[] { "m1", "m2", "m3" })
        {
            await fixture.Client.GetGrain<ICompoundKeyGrain>(1, key).GetKeyAsync();
        }

        var statistics = await Management.GetSimpleGrainStatistics();
        var activations = await Management.GetActivations("compoundkey", 10);

        Assert.Equal(3, Assert.Single(statistics, s => s.GrainType == "compoundkey").ActivationCount);
        Assert.Equal(["1+m1", "1+m2", "1+m3"], activations.Select(a => a.GrainId.Key));
        Assert.All(activations, a => Assert.Equal("Valid", a.State));
        Assert.True(await Management.GetTotalActivationCount() >= 4);
    }
}
