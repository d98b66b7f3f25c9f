using System.Collections.Immutable;

namespace TgeSwarm.Runtime.Directory;

/// <summary>
/// The active silos on a hash ring, each at <see cref="VirtualNodesPerSilo"/> points, so removing or adding one silo
/// moves only its share of grains. The grain directory partitions by it and hash-based placement places by it, so
/// for a hash-placed grain the directory entry lives on the silo that hosts it and every lookup stays local. Every
/// silo derives the same ring from the same set of silos: positions come from <see cref="StableHash"/>, never from
/// process-local hashes.
/// </summary>
internal sealed class ConsistentRing
{
    public const int VirtualNodesPerSilo = 30;

    private readonly uint[] _points;
    private readonly SiloAddress[] _owners;

    public ConsistentRing(ImmutableArray<SiloAddress> silos)
    {
        Silos = silos;
        var points = new List<(uint Point, SiloAddress Silo)>(silos.Length * VirtualNodesPerSilo);
        foreach (var silo in silos)
        {
            var name = silo.ToString();
            for (var i = 0; i < VirtualNodesPerSilo; i++)
            {
                points.Add((unchecked((uint)StableHash.Of($"{name}#{i}")), silo));
            }
        }

        // Ties (two silos hashing to one point) are broken by address so every silo orders them the same.
        points.Sort(static (a, b) => a.Point != b.Point ? a.Point.CompareTo(b.Point) : a.Silo.CompareTo(b.Silo));
        _points = [.. points.Select(static p => p.Point)];
        _owners = [.. points.Select(static p => p.Silo)];
    }

    public static ConsistentRing Empty { get; } = new([]);

    public ImmutableArray<SiloAddress> Silos { get; }

    public bool IsEmpty => _points.Length == 0;

    /// <summary>The silo owning <paramref name="grainId"/>: the first point clockwise from its hash; null on an empty ring.</summary>
    public SiloAddress? Owner(GrainId grainId)
    {
        if (_points.Length == 0)
        {
            return null;
        }

        var index = Array.BinarySearch(_points, grainId.GetUniformHashCode());
        if (index < 0)
        {
            index = ~index;
        }

        return _owners[index == _points.Length ? 0 : index];
    }

    public bool Contains(SiloAddress silo) => Silos.Contains(silo);
}
