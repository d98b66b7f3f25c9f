using System.Net;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Membership;

namespace TgeSwarm.Runtime.Tests.Membership;

public sealed class LivenessRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 2)]
    [InlineData(10, 2)]
    public void Required_votes_are_min_of_the_setting_and_half_the_active_silos_rounded_up(int activeNonStale, int required) =>
        Assert.Equal(required, LivenessRules.RequiredVotes(activeNonStale, new ClusterMembershipOptions()));

    [Fact]
    public void Required_votes_follow_NumVotesForDeathDeclaration_in_large_clusters() =>
        Assert.Equal(3, LivenessRules.RequiredVotes(9, new ClusterMembershipOptions { NumVotesForDeathDeclaration = 3 }));

    [Fact]
    public void A_row_is_stale_after_IAmAlive_period_times_the_missed_limit()
    {
        var options = new ClusterMembershipOptions();
        var entry = Entry(11001, SiloStatus.Active, Now - TimeSpan.FromSeconds(90));
        Assert.False(LivenessRules.IsStale(entry, Now, options));
        Assert.True(LivenessRules.IsStale(entry, Now + TimeSpan.FromTicks(1), options));
    }

    [Fact]
    public void Stale_and_non_active_rows_are_not_counted_as_electorate()
    {
        var options = new ClusterMembershipOptions();
        var table = Table(
            Entry(11001, SiloStatus.Active, Now),
            Entry(11002, SiloStatus.Active, Now - TimeSpan.FromMinutes(5)),
            Entry(11003, SiloStatus.Joining, Now),
            Entry(11004, SiloStatus.Dead, Now),
            Entry(11005, SiloStatus.Active, Now));
        Assert.Equal(2, LivenessRules.CountActiveNonStale(table, Now, options));
    }

    [Fact]
    public void Fresh_votes_leave_out_expired_ones_and_the_voters_own()
    {
        var options = new ClusterMembershipOptions();
        var (me, other, old) = (Address(11001), Address(11002), Address(11003));
        var entry = Entry(11009, SiloStatus.Active, Now) with
        {
            SuspectTimes = [new SuspectVote(old, Now - TimeSpan.FromMinutes(2)), new SuspectVote(me, Now - TimeSpan.FromSeconds(5)), new SuspectVote(other, Now - TimeSpan.FromSeconds(10))],
        };

        Assert.Equal([new SuspectVote(other, Now - TimeSpan.FromSeconds(10))], LivenessRules.FreshVotesOfOthers(entry, me, Now, options));
    }

    [Fact]
    public void Every_silo_is_probed_by_the_same_number_of_others_and_targets_are_deterministic()
    {
        var options = new ClusterMembershipOptions { NumProbedSilos = 3 };
        var table = Table([.. Enumerable.Range(0, 8).Select(i => Entry(11001 + i, SiloStatus.Active, Now))]);
        var probedBy = new Dictionary<SiloAddress, int>();
        foreach (var row in table.Members)
        {
            var self = row.Entry.SiloAddress;
            var targets = ProbeTargets.Select(self, table, options);
            Assert.Equal(targets, ProbeTargets.Select(self, Table([.. table.Members.Reverse().Select(r => r.Entry)]), options));
            Assert.Equal(3, targets.Count);
            Assert.DoesNotContain(self, targets);
            Assert.Equal(3, targets.Distinct().Count());
            foreach (var target in targets)
            {
                probedBy[target] = probedBy.GetValueOrDefault(target) + 1;
            }
        }

        Assert.All(probedBy.Values, count => Assert.Equal(3, count));
    }

    [Fact]
    public void Only_active_silos_are_probe_targets()
    {
        var table = Table(Entry(11001, SiloStatus.Active, Now), Entry(11002, SiloStatus.Joining, Now), Entry(11003, SiloStatus.Dead, Now), Entry(11004, SiloStatus.ShuttingDown, Now), Entry(11005, SiloStatus.Active, Now));
        Assert.Equal([Address(11005)], ProbeTargets.Select(Address(11001), table, new ClusterMembershipOptions()));
    }

    private static SiloAddress Address(int port) => new(new IPEndPoint(IPAddress.Loopback, port), 7);

    private static MembershipEntry Entry(int port, SiloStatus status, DateTimeOffset iAmAlive) => new()
    {
        SiloAddress = Address(port),
        Status = status,
        StartTime = iAmAlive - TimeSpan.FromMinutes(1),
        IAmAliveTime = iAmAlive,
    };

    private static MembershipTableData Table(params MembershipEntry[] entries) =>
        new([.. entries.Select(e => new MembershipRow(e, "1"))], new TableVersion(1, "1"));
}
