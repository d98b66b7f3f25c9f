using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Membership;
using TgeSwarm.Runtime.Tests.Fixtures;
using static TgeSwarm.Runtime.Tests.Membership.FailureDetectionTests;

namespace TgeSwarm.Runtime.Tests.Membership;

/// <summary>
/// Indirect probes: the probe whose miss would vote goes through a third silo. The probe loops are off and the tests
/// run rounds themselves, as in <see cref="FailureDetectionTests"/>; an intermediary answers through its own
/// <see cref="ClusterHealthMonitor.ProbeOnBehalfAsync"/> (<see cref="ProbeNetwork"/>). Orleans' defaults otherwise:
/// NumMissedProbesLimit 3, ProbeTimeout 5 s.
/// </summary>
public sealed class IndirectProbeTests
{
    [Fact]
    public async Task A_silo_cut_off_from_one_peer_that_another_silo_reaches_is_never_voted_against()
    {
        await using var cluster = ManualProbing();
        var (a, b, c) = await StartThreeAsync(cluster);
        using var indirect = new CounterRecorder(a.Instruments.IndirectProbes, "outcome");
        cluster.Network.Cut(a.Address, c.Address);

        await ProbeRoundsAsync(a, 20);
        await ProbeRoundsAsync(b, 20);

        var row = cluster.Faultable.Get(c.Address)!;
        Assert.Equal(SiloStatus.Active, row.Status);
        Assert.Empty(row.SuspectTimes);
        Assert.Equal(0, a.Log.Count(MembershipEventIds.SuspicionVote, LogLevel.Warning));

        // Two direct misses, then every round asks B, which reaches C; the count stays one short of the limit.
        Assert.Equal(2, cluster.Network.Probes.Count(p => p.From.Equals(a.Address) && p.To.Equals(c.Address)));
        var throughB = cluster.Network.IndirectProbes.Where(p => p.From.Equals(a.Address)).ToList();
        Assert.Equal(18, throughB.Count);
        Assert.All(throughB, p => Assert.Equal((b.Address, c.Address, true), (p.Through, p.To, p.Result?.Succeeded ?? false)));
        Assert.Equal(18, a.Log.Count(MembershipEventIds.IndirectProbeReached, LogLevel.Information));
        Assert.Contains(
            a.Log.Events,
            e => e.EventId == MembershipEventIds.IndirectProbeReached && e.Message.Contains($"of {c.Address} through {b.Address}", StringComparison.Ordinal));
        Assert.Equal(18, indirect["reached"]);
        Assert.Equal(18, indirect.Total);
        Assert.DoesNotContain(cluster.Network.IndirectProbes, p => p.From.Equals(b.Address));
        Assert.Equal(0, c.Terminator.Calls);
    }

    [Fact]
    public async Task A_dead_silo_is_declared_dead_by_the_prober_and_the_intermediary_in_one_write_after_the_probers_own_rounds()
    {
        await using var cluster = ManualProbing();
        var (a, b, c) = await StartThreeAsync(cluster);
        using var indirect = new CounterRecorder(a.Instruments.IndirectProbes, "outcome");
        await c.DisposeAsync();
        cluster.Network.TakeDown(c.Address);

        await ProbeRoundsAsync(a, cluster.Options.NumMissedProbesLimit - 1);
        Assert.Empty(cluster.Faultable.Get(c.Address)!.SuspectTimes);
        var versionBefore = cluster.Faultable.Read().Version.Version;

        // B runs no round of its own: with direct probes only, C would still need B's three misses.
        await ProbeRoundsAsync(a, 1);

        var row = cluster.Faultable.Get(c.Address)!;
        Assert.Equal(SiloStatus.Dead, row.Status);
        Assert.Equal(versionBefore + 1, cluster.Faultable.Read().Version.Version);
        Assert.Equal([a.Address, b.Address], row.SuspectTimes.Select(v => v.Voter));
        Assert.Single(row.SuspectTimes.Select(v => v.Time).Distinct());
        Assert.Equal(
            $"declared dead by votes of {a.Address}, {b.Address}; {a.Address} missed 3 consecutive probes, last: {b.Address} could not reach it either: probe refused or connection failed",
            row.DeathReason);
        Assert.Equal(1, a.Log.Count(MembershipEventIds.DeathDeclared, LogLevel.Warning));
        Assert.Equal(1, a.Log.Count(MembershipEventIds.IndirectProbeFailed, LogLevel.Information));
        Assert.Equal(1, indirect["failed"]);
        Assert.Equal(1, indirect.Total);
        Assert.Single(cluster.Network.Probes, p => p.From.Equals(b.Address) && p.To.Equals(c.Address));
    }

    [Fact]
    public async Task An_intermediary_that_does_not_answer_within_two_probe_timeouts_leaves_the_prober_voting_alone()
    {
        await using var cluster = ManualProbing();
        var (a, b, c) = await StartThreeAsync(cluster);
        using var indirect = new CounterRecorder(a.Instruments.IndirectProbes, "outcome");
        await c.DisposeAsync();
        cluster.Network.TakeDown(c.Address);
        cluster.Network.MuteIndirect(b.Address);
        await ProbeRoundsAsync(a, 2);

        var round = a.Monitor.ProbeOnceAsync(CancellationToken.None);
        Assert.Equal(b.Address, await cluster.Network.IndirectWaiting.ReadAsync().AsTask().Within("A's request to reach B"));
        cluster.Time.Advance(cluster.Options.ProbeTimeout * 2 - TimeSpan.FromMilliseconds(1));
        Assert.False(round.IsCompleted);
        cluster.Time.Advance(TimeSpan.FromMilliseconds(1));
        await round.Within("A's third round to give up on B");

        var row = cluster.Faultable.Get(c.Address)!;
        Assert.Equal(SiloStatus.Active, row.Status);
        Assert.Equal([a.Address], row.SuspectTimes.Select(v => v.Voter));
        Assert.Equal((a.Address, b.Address, c.Address, (IndirectProbeResult?)null), Assert.Single(cluster.Network.IndirectProbes));
        Assert.Equal(1, indirect["unavailable"]);
        Assert.Equal(1, indirect.Total);
        var unanswered = Assert.Single(a.Log.Events, e => e.EventId == MembershipEventIds.IndirectProbeUnanswered);
        Assert.Contains($"intermediary {b.Address} gave no answer (waited at most 10000 ms); last direct probe: probe refused or connection failed", unanswered.Message, StringComparison.Ordinal);
        Assert.Equal(1, a.Log.Count(MembershipEventIds.SuspicionVote, LogLevel.Warning));
    }

    [Fact]
    public async Task An_intermediary_that_is_not_active_itself_refuses_and_gets_no_vote()
    {
        await using var cluster = ManualProbing();
        var (a, b, c) = await StartThreeAsync(cluster);
        using var indirect = new CounterRecorder(a.Instruments.IndirectProbes, "outcome");
        await c.DisposeAsync();
        cluster.Network.TakeDown(c.Address);

        // B is on its way out (its row still reads Active): it must not probe, let alone vote.
        b.Details.Status = SiloStatus.ShuttingDown;
        await ProbeRoundsAsync(a, 3);

        var row = cluster.Faultable.Get(c.Address)!;
        Assert.Equal(SiloStatus.Active, row.Status);
        Assert.Equal([a.Address], row.SuspectTimes.Select(v => v.Voter));
        var request = Assert.Single(cluster.Network.IndirectProbes);
        Assert.Equal(new IndirectProbeResult(false, $"{b.Address} is ShuttingDown, not Active", true), request.Result);
        Assert.DoesNotContain(cluster.Network.Probes, p => p.From.Equals(b.Address));
        Assert.Equal(1, b.Log.Count(MembershipEventIds.IndirectProbeRefused, LogLevel.Debug));
        Assert.Equal(1, indirect["unavailable"]);
    }

    [Fact]
    public async Task With_two_silos_there_is_no_intermediary_and_the_probe_stays_direct()
    {
        await using var cluster = ManualProbing();
        var silos = await cluster.StartSilosAsync(2);
        await silos[0].TableManager.RefreshAsync(CancellationToken.None).Within("refresh of silo 1");
        await silos[1].DisposeAsync();
        cluster.Network.TakeDown(silos[1].Address);

        await ProbeRoundsAsync(silos[0], 3);

        var row = cluster.Faultable.Get(silos[1].Address)!;
        Assert.Equal(SiloStatus.Dead, row.Status);
        Assert.Equal(
            $"declared dead by votes of {silos[0].Address}; {silos[0].Address} missed 3 consecutive probes, last: probe refused or connection failed",
            row.DeathReason);
        Assert.Empty(cluster.Network.IndirectProbes);
        Assert.Equal(3, cluster.Network.Probes.Count(p => p.To.Equals(silos[1].Address)));
    }

    [Fact]
    public async Task With_indirect_probes_off_a_one_way_cut_gets_the_probers_lone_vote_as_before()
    {
        await using var cluster = ManualProbing(indirect: false);
        var (a, _, c) = await StartThreeAsync(cluster);
        cluster.Network.Cut(a.Address, c.Address);

        await ProbeRoundsAsync(a, 3);

        var row = cluster.Faultable.Get(c.Address)!;
        Assert.Equal(SiloStatus.Active, row.Status);
        Assert.Equal([a.Address], row.SuspectTimes.Select(v => v.Voter));
        Assert.Empty(cluster.Network.IndirectProbes);
        Assert.Equal(3, cluster.Network.Probes.Count(p => p.From.Equals(a.Address) && p.To.Equals(c.Address)));
        Assert.Equal(0, a.Log.Count(MembershipEventIds.IndirectProbeReached, LogLevel.Information));
    }

    [Fact]
    public async Task A_co_voter_that_is_no_active_member_is_left_out_of_the_vote()
    {
        await using var cluster = ManualProbing();
        var (a, _, c) = await StartThreeAsync(cluster);
        var stranger = SiloAddress.Parse($"S127.0.0.1:11999:{a.Address.Generation}");

        await a.TableManager.TryToSuspectOrKillAsync(c.Address, 3, "test", stranger, CancellationToken.None).Within("the vote");

        var row = cluster.Faultable.Get(c.Address)!;
        Assert.Equal(SiloStatus.Active, row.Status);
        Assert.Equal([a.Address], row.SuspectTimes.Select(v => v.Voter));
        Assert.Equal(1, a.Log.Count(MembershipEventIds.CoVoterIgnored, LogLevel.Information));
    }

    private static MembershipTestCluster ManualProbing(bool indirect = true) => new(configure: o =>
    {
        o.LivenessEnabled = false;
        o.EnableIndirectProbes = indirect;
    });
}
