using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Books;

/// <summary>
/// The CRC32 book checksums venues send, computed over the decimals as they arrived (their scale is the wire text).
/// Kraken (v1 and v2): top 10 asks low→high then top 10 bids high→low, each price then size with the decimal point
/// and leading zeros removed, concatenated, unsigned. OKX: top 25 levels interleaved <c>bid:ask</c> as
/// <c>px:sz</c> joined by colons (a short side simply ends), signed.
/// <para>
/// A checksum is asked for after every update, so neither is computed from scratch: the CRC restarts from the
/// register kept after the last position the update left unchanged (<see cref="ChecksumState"/>,
/// <see cref="BookSide.TakeChangedForChecksum"/>), and each level's text is formatted and hashed once, its CRC kept by
/// its side (<see cref="BookSide.AppendLevelText"/>). An update below the top costs nothing; one at rank k combines
/// the kept CRCs of the positions from k on and formats only the levels it changed.
/// </para>
/// </summary>
internal static class BookChecksums
{
    private const int KrakenDepth = 10;
    private const int OkxDepth = 25;

    // Kraken: price digits then size digits; OKX: "px:" then "sz".
    private static readonly LevelTextFormat KrakenText = new(Utf8Decimal.FormatDigitsOnly, Utf8Decimal.FormatDigitsOnly);
    private static readonly LevelTextFormat OkxText = new(WriteOkxPrice, Utf8Decimal.Format);

    public static uint Kraken(OrderBook book)
    {
        var state = State(book, 2 * KrakenDepth);
        var asks = book.Asks;
        var bids = book.Bids;
        var askChanged = asks.TakeChangedForChecksum();
        var bidChanged = bids.TakeChangedForChecksum();
        var askLevels = Math.Min(KrakenDepth, asks.Count);
        var total = askLevels + Math.Min(KrakenDepth, bids.Count);
        var from = askChanged < KrakenDepth ? askChanged : bidChanged < KrakenDepth ? askLevels + bidChanged : total;
        var position = Math.Min(Math.Min(state.Valid, from), total);
        var crc = state.Prefix[position];
        var prefix = state.Prefix.AsSpan();
        if (position < askLevels)
        {
            crc = asks.AppendLevelTexts(crc, position, askLevels, KrakenText, prefix[(position + 1)..]);
            position = askLevels;
        }

        crc = bids.AppendLevelTexts(crc, position - askLevels, total - askLevels, KrakenText, prefix[(position + 1)..]);
        state.Valid = total;
        return Crc32.Finish(crc);
    }

    public static int Okx(OrderBook book)
    {
        var state = State(book, OkxDepth);
        var asks = book.Asks;
        var bids = book.Bids;
        var changed = Math.Min(asks.TakeChangedForChecksum(), bids.TakeChangedForChecksum());
        var total = Math.Max(Math.Min(OkxDepth, bids.Count), Math.Min(OkxDepth, asks.Count));
        var pair = Math.Min(Math.Min(state.Valid, changed), total);
        var crc = state.Prefix[pair];
        for (; pair < total; pair++)
        {
            // Every level but the book's very first is preceded by a colon; pair 0 holds that first level.
            var first = pair == 0;
            if (pair < bids.Count)
            {
                crc = bids.AppendLevelText(first ? crc : Crc32.Append(crc, ":"u8), pair, OkxText);
                first = false;
            }

            if (pair < asks.Count)
            {
                crc = asks.AppendLevelText(first ? crc : Crc32.Append(crc, ":"u8), pair, OkxText);
            }

            state.Prefix[pair + 1] = crc;
        }

        state.Valid = total;
        return unchecked((int)Crc32.Finish(crc));
    }

    // The kept registers belong to one checksum kind; a book checked another way starts over.
    private static ChecksumState State(OrderBook book, int positions)
    {
        if (book.Checksum is not { } state || state.Positions != positions)
        {
            state = new ChecksumState(positions);
            book.Checksum = state;
        }

        return state;
    }

    private static int WriteOkxPrice(decimal price, Span<byte> destination)
    {
        var length = Utf8Decimal.Format(price, destination);
        destination[length] = (byte)':';
        return length + 1;
    }
}
