namespace TgeSwarm.Feeds.Books;

/// <summary>
/// One instrument's L2 book: price → absolute size per side (<see cref="BookSide"/>, read by rank, best level at
/// rank 0 on both sides). Sizes of zero remove a level. Prices keep the scale they arrived with, which the venues'
/// checksums are computed over.
/// </summary>
internal sealed class OrderBook
{
    private readonly BookSide _bids = new(higherIsBetter: true);
    private readonly BookSide _asks = new(higherIsBetter: false);

    /// <summary>Bids, highest price first.</summary>
    public BookSide Bids => _bids;

    /// <summary>Asks, lowest price first.</summary>
    public BookSide Asks => _asks;

    /// <summary>The venue's sequence position of the last applied event (update id, seqId, …); venue-specific.</summary>
    public long LastSequence { get; set; }

    /// <summary>False until a snapshot is applied and after a gap or a checksum failure.</summary>
    public bool IsSynced { get; set; }

    /// <summary>What the venue's checksum function kept from its last run over this book (<see cref="BookChecksums"/>).</summary>
    internal ChecksumState? Checksum { get; set; }

    public void Clear()
    {
        _bids.Clear();
        _asks.Clear();
        IsSynced = false;
    }

    public void Apply(bool bid, PriceLevel level) => (bid ? _bids : _asks).Apply(level.Price, level.Size);

    public void ApplyAll(ReadOnlySpan<PriceLevel> bids, ReadOnlySpan<PriceLevel> asks)
    {
        _bids.ApplyAll(bids);
        _asks.ApplyAll(asks);
    }

    public void ApplyAll(IReadOnlyList<PriceLevel> bids, IReadOnlyList<PriceLevel> asks)
    {
        ApplyAll(_bids, bids);
        ApplyAll(_asks, asks);
    }

    /// <summary>Drops levels beyond <paramref name="depth"/>: venues stop sending deletes for levels that leave the subscribed depth.</summary>
    public void Truncate(int depth)
    {
        _bids.Truncate(depth);
        _asks.Truncate(depth);
    }

    /// <summary>Best bid at or above best ask: impossible in a correct book.</summary>
    public bool IsCrossed => _bids.Count > 0 && _asks.Count > 0 && _bids.PriceAt(0) >= _asks.PriceAt(0);

    private static void ApplyAll(BookSide side, IReadOnlyList<PriceLevel> levels)
    {
        if (levels is PriceLevel[] array)
        {
            side.ApplyAll(array);
            return;
        }

        foreach (var level in levels)
        {
            side.Apply(level.Price, level.Size);
        }
    }
}
