using TgeSwarm.Runtime.Membership;
using TgeSwarm.Runtime.Tests.Fixtures;

namespace TgeSwarm.Runtime.Tests.Membership;

/// <summary>The agent over the real in-memory table and its change feed, as localhost clustering and the TestCluster run it.</summary>
public sealed class MembershipAgentOnInMemoryTableTests
{
    [Fact]
    public async Task Views_converge_through_the_change_feed_without_a_periodic_refresh()
    {
        var table = new InMemoryMembershipTable();
        await using var cluster = new MembershipTestCluster(table) { ChangeFeed = table };
        var silos = await cluster.StartSilosAsync(3);

        // The clock never moves: only change notifications can tell the first silos of the later joins.
        var version = (await cluster.ReadTableAsync()).Version.Version;
        await MembershipTestCluster.WaitUntilAsync(
            () => silos.All(s => s.View.Current.Version == version && s.View.Current.ActiveSilos.Length == 3),
            "every silo's view to reach the table version through the change feed");
    }

    [Fact]
    public async Task A_killed_silo_is_declared_dead_and_every_survivor_learns_it()
    {
        var table = new InMemoryMembershipTable();
        await using var cluster = new MembershipTestCluster(table) { ChangeFeed = table };
        var silos = await cluster.StartSilosAsync(3);
        var (a, b, c) = (silos[0], silos[1], silos[2]);
        await MembershipTestCluster.WaitUntilAsync(() => a.View.Current.ActiveSilos.Length == 3 && b.View.Current.ActiveSilos.Length == 3, "A and B to see three silos");

        await c.DisposeAsync();
        cluster.Network.TakeDown(c.Address);
        await cluster.AdvanceUntilAsync(
            () => a.View.Current.GetStatus(c.Address) == SiloStatus.Dead && b.View.Current.GetStatus(c.Address) == SiloStatus.Dead,
            TimeSpan.FromSeconds(1),
            "A and B to see C declared dead");

        var row = (await table.ReadRowAsync(c.Address, CancellationToken.None)).Members.Single().Entry;
        Assert.StartsWith("declared dead by votes of ", row.DeathReason, StringComparison.Ordinal);
        Assert.Equal(2, row.SuspectTimes.Count);
        Assert.Equal([a.Address, b.Address], a.View.Current.ActiveSilos.ToArray());
    }

    [Fact]
    public async Task A_restarted_silo_supersedes_its_old_life_and_the_others_see_both_changes()
    {
        var table = new InMemoryMembershipTable();
        await using var cluster = new MembershipTestCluster(table) { ChangeFeed = table };
        var (survivor, old) = (await cluster.StartSiloAsync(11001), await cluster.StartSiloAsync(11002));

        await old.DisposeAsync();
        cluster.Time.Advance(TimeSpan.FromSeconds(2));
        var restarted = await cluster.StartSiloAsync(11002);

        await MembershipTestCluster.WaitUntilAsync(
            () => survivor.View.Current.GetStatus(old.Address) == SiloStatus.Dead && survivor.View.Current.GetStatus(restarted.Address) == SiloStatus.Active,
            "the survivor to see the old life dead and the new one active");
        Assert.True(survivor.View.Current.IsDead(old.Address));
        Assert.Equal(DeathReasons.SupersededByRestart(restarted.Address), (await table.ReadRowAsync(old.Address, CancellationToken.None)).Members.Single().Entry.DeathReason);
    }
}
