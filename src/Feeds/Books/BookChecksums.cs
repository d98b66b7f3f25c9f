using System.Globalization;
using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Books;

/// <summary>
/// The CRC32 book checksums venues send, computed over the decimals as they arrived (their scale is the wire text).
/// Kraken (v1 and v2): top 10 asks low→high then top 10 bids high→low, each price then size with the decimal point
/// and leading zeros removed, concatenated, unsigned. OKX: top 25 levels interleaved <c>bid:ask</c> as
/// <c>px:sz</c> joined by colons (a short side simply ends), signed.
/// </summary>
internal static class BookChecksums
{
    private const int KrakenDepth = 10;
    private const int OkxDepth = 25;

    public static uint Kraken(OrderBook book)
    {
        Span<byte> text = stackalloc byte[64];
        var crc = Crc32.Initial;
        crc = KrakenSide(book.Asks, crc, text);
        crc = KrakenSide(book.Bids, crc, text);
        return Crc32.Finish(crc);
    }

    public static int Okx(OrderBook book)
    {
        Span<byte> text = stackalloc byte[64];
        var crc = Crc32.Initial;
        var first = true;
        for (var i = 0; i < OkxDepth; i++)
        {
            if (i < book.Bids.Count)
            {
                crc = OkxLevel(book.Bids.Keys[i], book.Bids.Values[i], crc, text, ref first);
            }

            if (i < book.Asks.Count)
            {
                crc = OkxLevel(book.Asks.Keys[i], book.Asks.Values[i], crc, text, ref first);
            }
        }

        return unchecked((int)Crc32.Finish(crc));
    }

    private static uint KrakenSide(SortedList<decimal, decimal> side, uint crc, Span<byte> text)
    {
        for (var i = 0; i < Math.Min(KrakenDepth, side.Count); i++)
        {
            crc = Crc32.Append(crc, KrakenDigits(side.Keys[i], text));
            crc = Crc32.Append(crc, KrakenDigits(side.Values[i], text));
        }

        return crc;
    }

    private static ReadOnlySpan<byte> KrakenDigits(decimal value, Span<byte> text)
    {
        var length = Format(value, text);
        var written = 0;
        foreach (var b in text[..length])
        {
            if (b == '.' || (b == '0' && written == 0))
            {
                continue;
            }

            text[written++] = b;
        }

        return text[..written];
    }

    private static uint OkxLevel(decimal price, decimal size, uint crc, Span<byte> text, ref bool first)
    {
        if (!first)
        {
            crc = Crc32.Append(crc, ":"u8);
        }

        first = false;
        crc = Crc32.Append(crc, text[..Format(price, text)]);
        crc = Crc32.Append(crc, ":"u8);
        return Crc32.Append(crc, text[..Format(size, text)]);
    }

    private static int Format(decimal value, Span<byte> text) =>
        value.TryFormat(text, out var written, default, CultureInfo.InvariantCulture) ? written : throw new FeedParseException(RejectReasons.BadNumber);
}
