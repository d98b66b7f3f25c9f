using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Venues.Bybit;

/// <summary>
/// The fast path for <c>orderbook</c> frames, most of Bybit's traffic: one pass with <see cref="StrictJsonCursor"/>
/// over <c>{"topic","type","ts","data":{"s","b":[["p","v"],…],"a":[…],"u",…},…}</c>, gathering exactly what the
/// general reader gathers, with the same conversions and exceptions in the same order. Any other topic or shape
/// (data before its topic, an <c>op</c> answer, numbers where Bybit writes strings) returns false and the frame is
/// read by the general reader from the start.
/// </summary>
internal sealed partial class BybitFeed
{
    private bool TryScanBook(ReadOnlySpan<byte> frame, long receivedAt, out BybitBookData book, out bool isSnapshot, out long timestamp)
    {
        book = default;
        isSnapshot = false;
        timestamp = receivedAt;
        var cursor = new StrictJsonCursor(frame);
        var isBook = false;
        var hasData = false;
        if (!cursor.Take((byte)'{'))
        {
            return false;
        }

        do
        {
            if (!cursor.TryName(out var name))
            {
                return false;
            }

            Range value;
            if (name.SequenceEqual("topic"u8) && cursor.TryString(out value))
            {
                isBook = Topic(frame[value]) == BybitTopic.OrderBook;
                if (!isBook)
                {
                    return false;
                }
            }
            else if (name.SequenceEqual("type"u8) && cursor.TryString(out value))
            {
                isSnapshot = frame[value].SequenceEqual("snapshot"u8);
            }
            else if (name.SequenceEqual("ts"u8) && cursor.TryUnsigned(out var milliseconds))
            {
                timestamp = Timestamps.FromMilliseconds(milliseconds);
            }
            else if (name.SequenceEqual("data"u8))
            {
                if (!isBook || !TryScanBookData(ref cursor, ref book))
                {
                    return false;
                }

                hasData = true;
            }
            else if (name.SequenceEqual("topic"u8) || name.SequenceEqual("type"u8) || name.SequenceEqual("ts"u8) || name.SequenceEqual("op"u8)
                || !cursor.TrySkipValue())
            {
                return false;
            }
        }
        while (cursor.Take((byte)','));

        return hasData && cursor.Take((byte)'}') && cursor.AtEnd;
    }

    // {"s":"BTCUSDT","b":[…],"a":[…],"u":…}
    private bool TryScanBookData(ref StrictJsonCursor cursor, ref BybitBookData book)
    {
        _bids.Clear();
        _asks.Clear();
        if (!cursor.Take((byte)'{'))
        {
            return false;
        }

        if (cursor.Take((byte)'}'))
        {
            return true;
        }

        do
        {
            if (!cursor.TryName(out var name))
            {
                return false;
            }

            if (name.SequenceEqual("s"u8) && cursor.TryString(out var symbol))
            {
                book.Instrument = _symbols.Get(cursor.Text[symbol]);
            }
            else if (name.SequenceEqual("b"u8) || name.SequenceEqual("a"u8))
            {
                if (!TryScanLevels(ref cursor, name[0] == 'b' ? _bids : _asks))
                {
                    return false;
                }
            }
            else if (name.SequenceEqual("u"u8) && cursor.TryUnsigned(out var updateId))
            {
                book.UpdateId = updateId;
            }
            else if (name.SequenceEqual("s"u8) || name.SequenceEqual("u"u8) || !cursor.TrySkipValue())
            {
                return false;
            }
        }
        while (cursor.Take((byte)','));

        return cursor.Take((byte)'}');
    }

    // [["price","size"(,…)],…] as Json.ReadLevelArrays reads it.
    private static bool TryScanLevels(ref StrictJsonCursor cursor, List<PriceLevel> levels)
    {
        if (!cursor.Take((byte)'['))
        {
            return false;
        }

        if (cursor.Take((byte)']'))
        {
            return true;
        }

        do
        {
            if (!cursor.Take((byte)'[') || !cursor.TryQuotedDecimal(out var price) || !cursor.Take((byte)',') || !cursor.TryQuotedDecimal(out var size))
            {
                return false;
            }

            while (cursor.Take((byte)','))
            {
                if (!cursor.TrySkipValue())
                {
                    return false;
                }
            }

            if (!cursor.Take((byte)']'))
            {
                return false;
            }

            levels.Add(new PriceLevel(price, size));
        }
        while (cursor.Take((byte)','));

        return cursor.Take((byte)']');
    }
}
