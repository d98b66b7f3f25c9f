using Microsoft.Extensions.DependencyInjection;
using TgeSwarm.Runtime.Hosting;
using TgeSwarm.Runtime.Membership;
using TgeSwarm.Runtime.Tests.Fixtures;
using TgeSwarm.TestGrains;

namespace TgeSwarm.Runtime.Tests.Cluster;

/// <summary>The same cluster with its membership in the real PostgreSQL table: join, kill, death declaration with a reason, failover.</summary>
public sealed class PostgresMembershipClusterTests(PostgresMembershipClusterTests.Fixture fixture) : IClassFixture<PostgresMembershipClusterTests.Fixture>
{
    [Fact]
    public async Task A_killed_silo_is_declared_dead_in_the_table_with_a_reason_and_its_grains_answer_on_the_survivors()
    {
        var client = fixture.ClientOf(fixture.Cluster.Primary);
        var victim = fixture.Cluster.Silos[1];
        var key = Enumerable.Range(0, 1000).Select(i => $"pg-kill-{i}").First(k => victim.SiloAddress.Equals(fixture.OwnerOf("counter", k)));
        var counter = client.GetGrain<ICounterGrain>(key);
        Assert.Equal(1, await counter.IncrementAsync());

        await fixture.Cluster.KillSiloAsync(victim);
        await fixture.Cluster.WaitForLivenessToStabilizeAsync();

        var table = fixture.Cluster.Primary.ServiceProvider.GetRequiredService<IMembershipTable>();
        var row = (await table.ReadRowAsync(victim.SiloAddress, CancellationToken.None)).Find(victim.SiloAddress);
        Assert.NotNull(row);
        Assert.Equal(SiloStatus.Dead, row.Entry.Status);
        Assert.False(string.IsNullOrWhiteSpace(row.Entry.DeathReason));
        Assert.Equal(2, await counter.IncrementAsync().Within("the counter on a survivor"));
    }

    public sealed class Fixture : MultiSiloFixture
    {
        protected override void ConfigureSilo(ISiloBuilder silo) => silo.UsePostgresClustering(PostgresClusterFixture.ConnectionString);
    }
}
