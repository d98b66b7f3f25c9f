using System.Collections.Immutable;
using TgeSwarm.Runtime.Directory;

namespace TgeSwarm.Runtime.Reminders;

/// <summary>
/// The hash ring as the reminder service needs it: which silo runs a grain's reminders, and the ranges of grain
/// hashes one silo owns (for range reads of the table). The points are those of <see cref="ConsistentRing"/> —
/// <see cref="ConsistentRing.VirtualNodesPerSilo"/> per silo at <c>StableHash("silo#i")</c>, ties broken by address — so a
/// reminder runs on the silo where hash placement puts its grain, and its tick is usually a local call. Kept apart
/// because ranges need the points, which <see cref="ConsistentRing"/> does not expose; a test checks that both agree.
/// </summary>
internal sealed class ReminderRing
{
    private readonly uint[] _points;
    private readonly SiloAddress[] _owners;

    public ReminderRing(IEnumerable<SiloAddress> silos)
    {
        Silos = [.. silos.Distinct().Order()];
        var points = new List<(uint Point, SiloAddress Silo)>(Silos.Length * ConsistentRing.VirtualNodesPerSilo);
        foreach (var silo in Silos)
        {
            var name = silo.ToString();
            for (var i = 0; i < ConsistentRing.VirtualNodesPerSilo; i++)
            {
                points.Add((unchecked((uint)StableHash.Of($"{name}#{i}")), silo));
            }
        }

        points.Sort(static (a, b) => a.Point != b.Point ? a.Point.CompareTo(b.Point) : a.Silo.CompareTo(b.Silo));
        _points = [.. points.Select(static p => p.Point)];
        _owners = [.. points.Select(static p => p.Silo)];
    }

    public static ReminderRing Empty { get; } = new([]);

    /// <summary>The silos on the ring, sorted.</summary>
    public ImmutableArray<SiloAddress> Silos { get; }

    /// <summary>The silo running the reminders of <paramref name="grainId"/>: the first point clockwise from its hash; null on an empty ring.</summary>
    public SiloAddress? Owner(GrainId grainId) => Owner(grainId.GetUniformHashCode());

    public SiloAddress? Owner(uint hash)
    {
        if (_points.Length == 0)
        {
            return null;
        }

        var index = Array.BinarySearch(_points, hash);
        if (index < 0)
        {
            index = ~index;
        }

        return _owners[index == _points.Length ? 0 : index];
    }

    /// <summary>The hash ranges <paramref name="silo"/> owns, adjacent ones merged; empty when it is not on the ring.</summary>
    public IReadOnlyList<ReminderRange> RangesOf(SiloAddress silo)
    {
        var ranges = new List<ReminderRange>();
        var count = _points.Length;
        var owned = 0;
        for (var i = 0; i < count; i++)
        {
            if (!_owners[i].Equals(silo))
            {
                continue;
            }

            owned++;
            var begin = _points[i == 0 ? count - 1 : i - 1];
            var end = _points[i];
            if (begin == end)
            {
                // A point shared with the silo before it (a hash tie): the range between them is empty.
                continue;
            }

            if (ranges.Count > 0 && ranges[^1].End == begin)
            {
                ranges[^1] = ranges[^1] with { End = end };
            }
            else
            {
                ranges.Add(new ReminderRange(begin, end));
            }
        }

        if (owned == count && count > 0)
        {
            return [ReminderRange.FullRing];
        }

        // The last range may run on into the first across the top of the ring.
        if (ranges.Count > 1 && ranges[^1].End == ranges[0].Begin)
        {
            ranges[0] = ranges[0] with { Begin = ranges[^1].Begin };
            ranges.RemoveAt(ranges.Count - 1);
        }

        return ranges;
    }

    public bool HasSameSilos(ReminderRing other) => Silos.SequenceEqual(other.Silos);
}
