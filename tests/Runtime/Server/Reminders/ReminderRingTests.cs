using System.Collections.Immutable;
using System.Net;
using TgeSwarm.Runtime.Directory;
using TgeSwarm.Runtime.Reminders;

namespace TgeSwarm.Runtime.Tests.Reminders;

public sealed class ReminderRingTests
{
    private static readonly GrainId[] Grains = [.. Enumerable.Range(0, 5000).Select(static i => GrainId.Create("ring", $"k{i}"))];

    public static TheoryData<int> SiloCounts => [1, 2, 3, 5];

    [Theory]
    [MemberData(nameof(SiloCounts))]
    public void Every_grain_has_the_owner_the_directory_ring_gives_it(int count)
    {
        var silos = Silos(count);
        var reminders = new ReminderRing(silos);
        var directory = new ConsistentRing([.. silos.Order()]);

        Assert.All(Grains, g => Assert.Equal(directory.Owner(g), reminders.Owner(g)));
    }

    [Theory]
    [MemberData(nameof(SiloCounts))]
    public void The_ranges_of_the_silos_partition_the_ring_by_owner(int count)
    {
        var silos = Silos(count);
        var ring = new ReminderRing(silos);
        var ranges = silos.ToDictionary(s => s, ring.RangesOf);

        Assert.All(Grains, g =>
        {
            var hash = g.GetUniformHashCode();
            var holders = silos.Where(s => ranges[s].Any(r => r.Contains(hash))).ToArray();
            Assert.Equal([ring.Owner(g)!], holders);
        });
        Assert.All(ranges.Values, list => Assert.Equal(list.Count, list.Distinct().Count()));
    }

    [Fact]
    public void A_lone_silo_owns_the_whole_ring_in_one_range_and_a_silo_off_the_ring_owns_nothing()
    {
        var silos = Silos(2);
        var ring = new ReminderRing([silos[0]]);

        Assert.Equal([ReminderRange.FullRing], ring.RangesOf(silos[0]));
        Assert.Empty(ring.RangesOf(silos[1]));
        Assert.Null(ReminderRing.Empty.Owner(Grains[0]));
        Assert.Empty(ReminderRing.Empty.RangesOf(silos[0]));
    }

    [Fact]
    public void Adjacent_points_of_one_silo_merge_into_one_range()
    {
        var silos = Silos(2);
        var ring = new ReminderRing(silos);

        // 60 points, 30 per silo: unless they strictly alternate, some neighbours belong to one silo and merge.
        var total = ring.RangesOf(silos[0]).Count + ring.RangesOf(silos[1]).Count;
        Assert.InRange(total, 2, 59);
        Assert.Equal(ring.RangesOf(silos[0]).Count, ring.RangesOf(silos[1]).Count);
    }

    private static ImmutableArray<SiloAddress> Silos(int count) =>
        [.. Enumerable.Range(0, count).Select(static i => new SiloAddress(new IPEndPoint(IPAddress.Loopback, 11111 + i), 7))];
}
