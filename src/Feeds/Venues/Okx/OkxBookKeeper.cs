using TgeSwarm.Feeds.Books;

namespace TgeSwarm.Feeds.Venues.Okx;

/// <summary>
/// OKX book continuity: a snapshot (prevSeqId −1) resets the book; each update's prevSeqId must equal the last
/// seqId, except the documented heartbeat (seqId = prevSeqId, empty sides) and maintenance reset (seqId &lt;
/// prevSeqId, accepted). After applying, a non-zero checksum must match <see cref="BookChecksums.Okx"/>
/// (0 means the venue no longer sends one). A broken chain or checksum drops the book until the next snapshot.
/// </summary>
internal sealed class OkxBookKeeper
{
    // The books channel carries 400 levels; levels pushed out of range are not deleted explicitly.
    private const int Depth = 400;

    private readonly BookSet _books = new();

    internal enum Outcome
    {
        Applied,
        NotSynced,
        Gap,
        ChecksumMismatch,
    }

    public BookSet Books => _books;

    public Outcome Apply(string instrument, bool isSnapshot, OkxBookMessage message, PriceLevel[] bids, PriceLevel[] asks)
    {
        var book = _books.Get(instrument);
        if (isSnapshot)
        {
            book.Clear();
            book.IsSynced = true;
        }
        else if (!book.IsSynced)
        {
            return Outcome.NotSynced;
        }
        else if (message.SeqId is { } seqId && message.PrevSeqId is { } prevSeqId && prevSeqId != book.LastSequence && seqId >= prevSeqId)
        {
            book.Clear();
            return Outcome.Gap;
        }

        book.ApplyAll(bids.AsSpan(), asks.AsSpan());
        book.Truncate(Depth);
        book.LastSequence = message.SeqId ?? book.LastSequence;
        if (message.Checksum is { } expected && expected != 0 && BookChecksums.Okx(book) != expected)
        {
            book.Clear();
            return Outcome.ChecksumMismatch;
        }

        return Outcome.Applied;
    }
}
