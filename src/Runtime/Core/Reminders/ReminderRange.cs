namespace TgeSwarm.Runtime;

/// <summary>
/// A range of grain hashes on the ring: every hash <c>h</c> with <c>Begin &lt; h ≤ End</c>. When <see cref="Begin"/>
/// is past <see cref="End"/> the range wraps around (<c>h &gt; Begin</c> or <c>h ≤ End</c>); when they are equal it
/// is the whole ring. A silo's share of the ring is a list of such ranges.
/// </summary>
public readonly record struct ReminderRange(uint Begin, uint End)
{
    public static ReminderRange FullRing => new(0, 0);

    public bool IsFullRing => Begin == End;

    public bool IsWrapped => Begin > End;

    public bool Contains(uint hash) => Begin < End ? hash > Begin && hash <= End : Begin == End || hash > Begin || hash <= End;

    public override string ToString() => IsFullRing ? "(full ring)" : $"({Begin:X8}, {End:X8}]";
}
