namespace TgeSwarm.Grains.Tge.Sources;

/// <summary>
/// The ids a source has already emitted, bounded: when full, the oldest is forgotten. A feed page shows its newest
/// few dozen items, so a memory of thousands covers every id that can still appear; an id forgotten and seen again
/// would be emitted again, which the event grain's dedup absorbs.
/// </summary>
internal sealed class SeenItems(int capacity)
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public int Count => _ids.Count;

    public void Load(IEnumerable<string> oldestFirst)
    {
        _ids.Clear();
        _order.Clear();
        foreach (var id in oldestFirst)
        {
            Add(id);
        }
    }

    public bool Contains(string id) => _ids.Contains(id);

    /// <summary>Remembers <paramref name="id"/>; false when it was already known.</summary>
    public bool Add(string id)
    {
        if (!_ids.Add(id))
        {
            return false;
        }

        _order.Enqueue(id);
        while (_order.Count > capacity)
        {
            _ids.Remove(_order.Dequeue());
        }

        return true;
    }

    public List<string> ToList() => [.. _order];
}
