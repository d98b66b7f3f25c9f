using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Membership;
using TgeSwarm.Runtime.Tests.Fixtures;
using static TgeSwarm.Runtime.Tests.Membership.ManualProbing;

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
        await using var cluster = ManualProbing.Cluster(indirect: true);
        var (a, b, c) = await StartThreeAsync(cluster);
        using var indirect = new CounterRecorder(a.Instruments.IndirectProbes, "outcome");
        cluster.Network.Cut(a.Address, c.Address);

        await ProbeRoundsAsync(a, 20);
        await ProbeRoundsAsync(b, 20);

        var row = cluster.Faultable.Get(c.Address)!;
        Assert.Equal(SiloStatus.Active, row.Status);
        Assert.Empty(row.SuspectTimes);
        Assert.Equal(0, a.Log.Count(MembershipEventIds.SuspicionVote, LogLevel.Warning));

        // Every round probes directly; after two misses every round also asks B, which reaches C, so the count stays
        // one short of the limit.
        Assert.Equal(20, cluster.Network.Probes.Count(p => p.From.Equals(a.Address) && p.To.Equals(c.Address)));
        var throughB = cluster.Network.IndirectProbes.Where(p => p.From.Equals(a.Address)).ToList();
        Assert.Equal(18, throughB.Count);
        Assert.All(throughB, p => Assert.Equal((b.Address, c.Address, true), (p.Through, p.To, p.Result?.Succeeded ?? false)));
        Assert.Equal(18, a.Log.Count(MembershipEventIds.IndirectProbeReached, LogLevel.Information));
        Assert.Contains(
            a.Log.Events,
            e => e.EventId == MembershipEventIds.IndirectProbeReached && e.Message.Contains($"of {c.Address} missed (probe refused or connection failed) but {b.Address} reached it", StringComparison.Ordinal));
        Assert.Equal(18, indirect["reached"]);
        Assert.Equal(18, indirect.Total);
        Assert.DoesNotContain(cluster.Network.IndirectProbes, p => p.From.Equals(b.Address));
        Assert.Equal(0, c.Terminator.Calls);
    }

    [Fact]
    public async Task A_dead_silo_gets_each_probers_own_vote_after_its_own_rounds_and_the_intermediarys_failure_is_in_the_reason()
    {
        await using var cluster = ManualProbing.Cluster(indirect: true);
        var (a, b, c) = await StartThreeAsync(cluster);
        using var indirect = new CounterRecorder(a.Instruments.IndirectProbes, "outcome");
        await c.DisposeAsync();
        cluster.Network.TakeDown(c.Address);

        await ProbeRoundsAsync(a, cluster.Options.NumMissedProbesLimit);

        // B could not reach C either, but its one probe for A is no vote: C needs B's own misses.
        var suspected = cluster.Faultable.Get(c.Address)!;
        Assert.Equal(SiloStatus.Active, suspected.Status);
        Assert.Equal([a.Address], suspected.SuspectTimes.Select(v => v.Voter));
        Assert.Equal(1, a.Log.Count(MembershipEventIds.IndirectProbeFailed, LogLevel.Information));
        Assert.Equal(1, indirect["failed"]);
        Assert.Equal(1, indirect.Total);
        Assert.Single(cluster.Network.Probes, p => p.From.Equals(b.Address) && p.To.Equals(c.Address));

        await ProbeRoundsAsync(b, cluster.Options.NumMissedProbesLimit);

        var row = cluster.Faultable.Get(c.Address)!;
        Assert.Equal(SiloStatus.Dead, row.Status);
        Assert.Equal([a.Address, b.Address], row.SuspectTimes.Select(v => v.Voter));
        Assert.Equal(
            $"declared dead by votes of {a.Address}, {b.Address}; {b.Address} missed 3 consecutive probes, last: probe refused or connection failed, and {a.Address} could not reach it either: probe refused or connection failed",
            row.DeathReason);
        Assert.Equal(1, b.Log.Count(MembershipEventIds.DeathDeclared, LogLevel.Warning));
    }

    [Fact]
    public async Task A_cut_that_heals_clears_the_count_at_the_next_direct_probe_and_the_probes_go_direct_again()
    {
        await using var cluster = ManualProbing.Cluster(indirect: true);
        var (a, _, c) = await StartThreeAsync(cluster);
        cluster.Network.Cut(a.Address, c.Address);
        await ProbeRoundsAsync(a, 5);
        Assert.Equal(3, cluster.Network.IndirectProbes.Count(p => p.From.Equals(a.Address)));

        cluster.Network.Heal(a.Address, c.Address);
        await ProbeRoundsAsync(a, 5);

        // The first round after the heal still asks B (A had two misses), and its direct probe answers: the count
        // clears, so the four rounds after it are direct only.
        Assert.Equal(4, cluster.Network.IndirectProbes.Count(p => p.From.Equals(a.Address)));
        Assert.Equal(1, a.Log.Count(MembershipEventIds.ProbeRecovered, LogLevel.Information));
        Assert.Equal(10, cluster.Network.Probes.Count(p => p.From.Equals(a.Address) && p.To.Equals(c.Address)));
        Assert.Empty(cluster.Faultable.Get(c.Address)!.SuspectTimes);
    }

    [Fact]
    public async Task An_intermediary_that_does_not_answer_within_two_probe_timeouts_leaves_the_prober_voting_alone()
    {
        await using var cluster = ManualProbing.Cluster(indirect: true);
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
        Assert.Contains($"probe refused or connection failed; intermediary {b.Address} gave no answer (waited at most 10000 ms)", unanswered.Message, StringComparison.Ordinal);
        Assert.Equal(1, a.Log.Count(MembershipEventIds.SuspicionVote, LogLevel.Warning));
    }

    [Fact]
    public async Task An_intermediary_that_is_not_active_itself_refuses_and_gets_no_vote()
    {
        await using var cluster = ManualProbing.Cluster(indirect: true);
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
        await using var cluster = ManualProbing.Cluster(indirect: true);
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
        await using var cluster = ManualProbing.Cluster(indirect: false);
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
}
