namespace TgeSwarm.Feeds.Books;

/// <summary>
/// One instrument's L2 book: price → absolute size per side, best level at index 0 on both sides. Sizes of zero
/// remove a level. Prices keep the scale they arrived with, which the venues' checksums are computed over.
/// </summary>
internal sealed class OrderBook
{
    private static readonly IComparer<decimal> s_descending = Comparer<decimal>.Create(static (a, b) => b.CompareTo(a));

    private readonly SortedList<decimal, decimal> _bids = new(s_descending);
    private readonly SortedList<decimal, decimal> _asks = new();

    /// <summary>Bids, highest price first.</summary>
    public SortedList<decimal, decimal> Bids => _bids;

    /// <summary>Asks, lowest price first.</summary>
    public SortedList<decimal, decimal> Asks => _asks;

    /// <summary>The venue's sequence position of the last applied event (update id, seqId, …); venue-specific.</summary>
    public long LastSequence { get; set; }

    /// <summary>False until a snapshot is applied and after a gap or a checksum failure.</summary>
    public bool IsSynced { get; set; }

    public void Clear()
    {
        _bids.Clear();
        _asks.Clear();
        IsSynced = false;
    }

    public void Apply(bool bid, PriceLevel level) => Apply(bid ? _bids : _asks, level);

    public void ApplyAll(IReadOnlyList<PriceLevel> bids, IReadOnlyList<PriceLevel> asks)
    {
        foreach (var level in bids)
        {
            Apply(_bids, level);
        }

        foreach (var level in asks)
        {
            Apply(_asks, level);
        }
    }

    /// <summary>Drops levels beyond <paramref name="depth"/>: venues stop sending deletes for levels that leave the subscribed depth.</summary>
    public void Truncate(int depth)
    {
        while (_bids.Count > depth)
        {
            _bids.RemoveAt(_bids.Count - 1);
        }

        while (_asks.Count > depth)
        {
            _asks.RemoveAt(_asks.Count - 1);
        }
    }

    /// <summary>Best bid at or above best ask: impossible in a correct book.</summary>
    public bool IsCrossed => _bids.Count > 0 && _asks.Count > 0 && _bids.Keys[0] >= _asks.Keys[0];

    public static PriceLevel[] Levels(SortedList<decimal, decimal> side)
    {
        var levels = new PriceLevel[side.Count];
        for (var i = 0; i < levels.Length; i++)
        {
            levels[i] = new PriceLevel(side.Keys[i], side.Values[i]);
        }

        return levels;
    }

    private static void Apply(SortedList<decimal, decimal> side, PriceLevel level)
    {
        if (level.Size == 0)
        {
            side.Remove(level.Price);
        }
        else
        {
            side[level.Price] = level.Size;
        }
    }
}
