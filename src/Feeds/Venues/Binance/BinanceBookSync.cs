using TgeSwarm.Feeds.Books;

namespace TgeSwarm.Feeds.Venues.Binance;

/// <summary>
/// Binance's "manage a local order book" procedure for one symbol. Diffs are buffered until a REST snapshot
/// arrives; diffs with <c>u</c> ≤ <c>lastUpdateId</c> are dropped; the first one applied must bridge the snapshot
/// (<c>U</c> ≤ lastUpdateId + 1 ≤ <c>u</c>); afterwards each diff must start at most one past the book's id
/// (<c>U</c> ≤ id + 1), otherwise events were missed: the book is discarded and a new snapshot requested.
/// A snapshot older than the first buffered diff (<c>lastUpdateId</c> &lt; <c>U</c>) is refused the same way.
/// </summary>
internal sealed class BinanceBookSync(string instrument)
{
    // Bounds memory while a snapshot is awaited: 100 ms diffs for ~10 minutes.
    private const int MaxBuffered = 6000;

    private readonly Queue<BinanceDepthDiff> _buffer = new();
    private readonly OrderBook _book = new();

    public string Instrument { get; } = instrument;

    public OrderBook Book => _book;

    /// <summary>Outcome of handing one diff or snapshot to the procedure.</summary>
    internal enum Outcome
    {
        Applied,
        Buffered,
        Stale,
        Gap,
        SnapshotTooOld,
    }

    public Outcome OnDiff(BinanceDepthDiff diff)
    {
        if (!_book.IsSynced)
        {
            if (_buffer.Count == MaxBuffered)
            {
                _buffer.Dequeue();
            }

            _buffer.Enqueue(diff);
            return Outcome.Buffered;
        }

        return Apply(diff);
    }

    /// <summary>Applies a REST snapshot, then the buffered diffs in order; <paramref name="applied"/> receives what was applied.</summary>
    public Outcome OnSnapshot(long lastUpdateId, PriceLevel[] bids, PriceLevel[] asks, List<(BinanceDepthDiff Diff, Outcome Outcome)> applied)
    {
        if (_buffer.Count > 0 && lastUpdateId < _buffer.Peek().FirstId)
        {
            return Outcome.SnapshotTooOld;
        }

        _book.Clear();
        _book.ApplyAll(bids, asks);
        _book.LastSequence = lastUpdateId;
        _book.IsSynced = true;
        while (_buffer.Count > 0 && _book.IsSynced)
        {
            var diff = _buffer.Dequeue();
            applied.Add((diff, Apply(diff)));
        }

        return Outcome.Applied;
    }

    private Outcome Apply(BinanceDepthDiff diff)
    {
        if (diff.FinalId <= _book.LastSequence)
        {
            return Outcome.Stale;
        }

        if (diff.FirstId > _book.LastSequence + 1)
        {
            _book.Clear();
            _buffer.Clear();
            return Outcome.Gap;
        }

        _book.ApplyAll(diff.Bids, diff.Asks);
        _book.LastSequence = diff.FinalId;
        return Outcome.Applied;
    }
}
