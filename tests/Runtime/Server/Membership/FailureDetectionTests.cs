using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Membership;
using TgeSwarm.Runtime.Tests.Fixtures;
using static TgeSwarm.Runtime.Tests.Membership.ManualProbing;

namespace TgeSwarm.Runtime.Tests.Membership;

/// <summary>
/// Probes, suspicion votes and death declarations. Most tests switch the probe loops off (LivenessEnabled = false)
/// and run probe rounds themselves (<see cref="ClusterHealthMonitor.ProbeOnceAsync"/>), so the exact sequence of
/// votes is known; one test lets the loops run on the fake clock end to end (indirect probes on, as by default).
/// The manual rounds probe directly only (indirect probes off): <see cref="IndirectProbeTests"/> covers those.
/// </summary>
public sealed class FailureDetectionTests
{
    [Fact]
    public async Task A_killed_silo_is_voted_dead_by_two_others_with_a_reason_naming_the_voters()
    {
        await using var cluster = ManualProbing.Cluster(indirect: false);
        var (a, b, c) = await StartThreeAsync(cluster);
        await c.DisposeAsync();
        cluster.Network.TakeDown(c.Address);

        await ProbeRoundsAsync(a, 3);
        var afterFirstVoter = cluster.Faultable.Get(c.Address)!;
        Assert.Equal(SiloStatus.Active, afterFirstVoter.Status);
        Assert.Equal([a.Address], afterFirstVoter.SuspectTimes.Select(v => v.Voter));

        await ProbeRoundsAsync(b, 3);
        var row = cluster.Faultable.Get(c.Address)!;
        Assert.Equal(SiloStatus.Dead, row.Status);
        Assert.Equal([a.Address, b.Address], row.SuspectTimes.Select(v => v.Voter));
        Assert.Equal(
            $"declared dead by votes of {a.Address}, {b.Address}; {b.Address} missed 3 consecutive probes, last: probe refused or connection failed",
            row.DeathReason);
        Assert.Equal(SiloStatus.Dead, b.View.Current.GetStatus(c.Address));
        Assert.Equal(1, b.Log.Count(MembershipEventIds.DeathDeclared, LogLevel.Warning));
        Assert.Equal(1, a.Log.Count(MembershipEventIds.SuspicionVote, LogLevel.Warning));
    }

    [Fact]
    public async Task A_single_voter_is_not_enough_while_three_silos_are_active()
    {
        await using var cluster = ManualProbing.Cluster(indirect: false);
        var (a, b, c) = await StartThreeAsync(cluster);
        cluster.Network.Cut(a.Address, c.Address);

        await ProbeRoundsAsync(a, 10);
        await ProbeRoundsAsync(b, 10);

        var row = cluster.Faultable.Get(c.Address)!;
        Assert.Equal(SiloStatus.Active, row.Status);
        Assert.Equal([a.Address], row.SuspectTimes.Select(v => v.Voter));
        Assert.Equal(8, a.Log.Count(MembershipEventIds.SuspicionVote, LogLevel.Warning));
        Assert.Equal(0, c.Terminator.Calls);
    }

    [Fact]
    public async Task An_answered_probe_resets_the_miss_count()
    {
        await using var cluster = ManualProbing.Cluster(indirect: false);
        var (a, _, c) = await StartThreeAsync(cluster);

        cluster.Network.TakeDown(c.Address);
        await ProbeRoundsAsync(a, 2);
        cluster.Network.BringUp(c.Address);
        await ProbeRoundsAsync(a, 1);
        cluster.Network.TakeDown(c.Address);
        await ProbeRoundsAsync(a, 2);

        Assert.Empty(cluster.Faultable.Get(c.Address)!.SuspectTimes);
        await ProbeRoundsAsync(a, 1);
        Assert.Single(cluster.Faultable.Get(c.Address)!.SuspectTimes);
    }

    [Fact]
    public async Task Expired_votes_do_not_count_toward_a_death_declaration()
    {
        await using var cluster = ManualProbing.Cluster(indirect: false);
        var (a, b, c) = await StartThreeAsync(cluster);
        cluster.Network.Cut(a.Address, c.Address);
        await ProbeRoundsAsync(a, 3);

        // A's vote ages past DeathVoteExpirationTimeout; the silos keep writing IAmAlive, so nobody is stale.
        var expiry = cluster.Time.GetUtcNow() + cluster.Options.DeathVoteExpirationTimeout;
        await cluster.AdvanceUntilAsync(() => cluster.Time.GetUtcNow() > expiry, TimeSpan.FromSeconds(10), "A's vote to expire");
        await ProbeRoundsAsync(b, 1);
        cluster.Network.Cut(b.Address, c.Address);
        await ProbeRoundsAsync(b, 3);

        var row = cluster.Faultable.Get(c.Address)!;
        Assert.Equal(SiloStatus.Active, row.Status);
        Assert.Equal([b.Address], row.SuspectTimes.Select(v => v.Voter));
    }

    [Fact]
    public async Task In_a_two_silo_cluster_one_vote_declares_the_other_dead()
    {
        await using var cluster = ManualProbing.Cluster(indirect: false);
        var silos = await cluster.StartSilosAsync(2);
        await silos[0].TableManager.RefreshAsync(CancellationToken.None).Within("refresh of silo 1");
        await silos[1].DisposeAsync();
        cluster.Network.TakeDown(silos[1].Address);

        await ProbeRoundsAsync(silos[0], 3);

        var row = cluster.Faultable.Get(silos[1].Address)!;
        Assert.Equal(SiloStatus.Dead, row.Status);
        Assert.StartsWith($"declared dead by votes of {silos[0].Address};", row.DeathReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silo_that_reads_itself_declared_dead_calls_the_terminator_once_and_stops_voting()
    {
        await using var cluster = ManualProbing.Cluster(indirect: false);
        var (a, b, c) = await StartThreeAsync(cluster);
        // C is cut off from the others' probes but still reaches the table: it will read its own death.
        cluster.Network.TakeDown(c.Address);
        await ProbeRoundsAsync(a, 3);
        await ProbeRoundsAsync(b, 3);
        Assert.Equal(SiloStatus.Dead, cluster.Faultable.Get(c.Address)!.Status);

        await cluster.AdvanceUntilAsync(() => c.Terminator.Calls > 0, TimeSpan.FromSeconds(10), "C to read its own row as Dead");
        var reason = await c.Terminator.Reason.Within("terminator reason");
        Assert.Equal(cluster.Faultable.Get(c.Address)!.DeathReason, reason);
        Assert.Equal(SiloStatus.Dead, c.Details.Status);
        Assert.Equal(1, c.Log.Count(MembershipEventIds.DeclaredDeadSelf, LogLevel.Critical));

        // A dead silo has no say any more, and learning of its death again does not call the terminator again.
        cluster.Network.Cut(c.Address, a.Address);
        await ProbeRoundsAsync(c, 4);
        await c.TableManager.RefreshAsync(CancellationToken.None).Within("refresh of the dead silo");
        Assert.Empty(cluster.Faultable.Get(a.Address)!.SuspectTimes);
        Assert.Equal(1, c.Terminator.Calls);
    }

    [Fact]
    public async Task A_dead_silo_cannot_become_active_again()
    {
        await using var cluster = ManualProbing.Cluster(indirect: false);
        var (a, b, c) = await StartThreeAsync(cluster);
        cluster.Network.TakeDown(c.Address);
        await ProbeRoundsAsync(a, 3);
        await ProbeRoundsAsync(b, 3);

        await Assert.ThrowsAsync<InvalidOperationException>(() => c.Agent.BecomeActiveAsync(CancellationToken.None)).Within("BecomeActive of a dead silo");
        Assert.Equal(SiloStatus.Dead, cluster.Faultable.Get(c.Address)!.Status);
    }

    [Fact]
    public async Task A_killed_silo_is_declared_dead_by_the_probe_loops_on_the_clock_alone()
    {
        await using var cluster = new MembershipTestCluster();
        var (a, b, c) = await StartThreeAsync(cluster);
        await c.DisposeAsync();
        cluster.Network.TakeDown(c.Address);

        await cluster.AdvanceUntilAsync(() => cluster.Faultable.Get(c.Address)!.Status == SiloStatus.Dead, TimeSpan.FromSeconds(1), "C to be declared dead");
        await cluster.AdvanceUntilAsync(
            () => a.View.Current.GetStatus(c.Address) == SiloStatus.Dead && b.View.Current.GetStatus(c.Address) == SiloStatus.Dead,
            TimeSpan.FromSeconds(1),
            "A and B to see C dead");

        var reason = cluster.Faultable.Get(c.Address)!.DeathReason;
        Assert.StartsWith("declared dead by votes of ", reason, StringComparison.Ordinal);
        Assert.Contains(a.Address.ToString(), reason, StringComparison.Ordinal);
        Assert.Contains(b.Address.ToString(), reason, StringComparison.Ordinal);
        Assert.Equal([a.Address, b.Address], a.View.Current.ActiveSilos.Order());
    }

    [Fact]
    public async Task Nothing_is_probed_while_liveness_is_disabled()
    {
        await using var cluster = new MembershipTestCluster(configure: o => o.LivenessEnabled = false);
        var (_, _, c) = await StartThreeAsync(cluster);
        cluster.Network.TakeDown(c.Address);

        var until = cluster.Time.GetUtcNow() + TimeSpan.FromMinutes(1);
        await cluster.AdvanceUntilAsync(() => cluster.Time.GetUtcNow() >= until, TimeSpan.FromSeconds(5), "a minute to pass");
        Assert.Empty(cluster.Network.Probes);
        Assert.Equal(SiloStatus.Active, cluster.Faultable.Get(c.Address)!.Status);
    }
}
