using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Venues.Coinbase;

/// <summary>
/// The fast path for <c>l2_data</c> frames, nearly all of Coinbase's bytes (a level2 snapshot is megabytes of
/// <c>{"side","event_time","price_level","new_quantity"}</c> objects): one pass with <see cref="StrictJsonCursor"/>,
/// gathering exactly what the general reader gathers, in the same order and with the same conversions. A frame of
/// any other channel or shape (data before its channel, numbers where Coinbase writes strings, escapes) returns
/// false and is read by the general reader from the start.
/// </summary>
internal sealed partial class CoinbaseFeed
{
    private bool TryScanLevel2(ReadOnlySpan<byte> frame, long receivedAt, out long? sequence)
    {
        sequence = null;
        var cursor = new StrictJsonCursor(frame);
        var level2 = false;
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

            if (name.SequenceEqual("channel"u8))
            {
                if (!cursor.TryString(out var channel) || !frame[channel].SequenceEqual("l2_data"u8))
                {
                    return false;
                }

                level2 = true;
            }
            else if (name.SequenceEqual("sequence_num"u8))
            {
                if (!cursor.TryUnsigned(out var value))
                {
                    return false;
                }

                sequence = value;
            }
            else if (name.SequenceEqual("events"u8))
            {
                if (!level2 || !TryScanEvents(ref cursor, receivedAt))
                {
                    return false;
                }
            }
            else if (!cursor.TrySkipValue())
            {
                return false;
            }
        }
        while (cursor.Take((byte)','));

        return level2 && cursor.Take((byte)'}') && cursor.AtEnd;
    }

    private bool TryScanEvents(ref StrictJsonCursor cursor, long receivedAt)
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
            if (!cursor.Take((byte)'{'))
            {
                return false;
            }

            var bidStart = _bids.Count;
            var askStart = _asks.Count;
            string? instrument = null;
            var isSnapshot = false;
            long time = 0;
            if (!cursor.Take((byte)'}'))
            {
                do
                {
                    if (!cursor.TryName(out var name))
                    {
                        return false;
                    }

                    Range value;
                    if (name.SequenceEqual("type"u8) && cursor.TryString(out value))
                    {
                        isSnapshot = cursor.Text[value].SequenceEqual("snapshot"u8);
                    }
                    else if (name.SequenceEqual("product_id"u8) && cursor.TryString(out value))
                    {
                        instrument = _symbols.Get(cursor.Text[value]);
                    }
                    else if (name.SequenceEqual("updates"u8))
                    {
                        if (!TryScanUpdates(ref cursor, out time))
                        {
                            return false;
                        }
                    }
                    else if (name.SequenceEqual("type"u8) || name.SequenceEqual("product_id"u8) || !cursor.TrySkipValue())
                    {
                        return false;
                    }
                }
                while (cursor.Take((byte)','));

                if (!cursor.Take((byte)'}'))
                {
                    return false;
                }
            }

            _bookEvents.Add(new CoinbaseBookEvent(instrument ?? throw new FeedParseException(RejectReasons.Schema), isSnapshot, time == 0 ? receivedAt : time,
                bidStart, _bids.Count - bidStart, askStart, _asks.Count - askStart));
        }
        while (cursor.Take((byte)','));

        return cursor.Take((byte)']');
    }

    private bool TryScanUpdates(ref StrictJsonCursor cursor, out long newest)
    {
        newest = 0;
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
            if (!cursor.Take((byte)'{'))
            {
                return false;
            }

            bool? bid = null;
            decimal price = 0;
            decimal size = 0;
            if (!cursor.Take((byte)'}'))
            {
                do
                {
                    var usual = TryScanUsualUpdateField(ref cursor, ref bid, ref price, ref size, ref newest);
                    if (usual == Field.Failed
                        || (usual == Field.Other && (!cursor.TryName(out var name) || !TryScanUpdateField(ref cursor, name, ref bid, ref price, ref size, ref newest))))
                    {
                        return false;
                    }
                }
                while (cursor.Take((byte)','));

                if (!cursor.Take((byte)'}'))
                {
                    return false;
                }
            }

            (bid ?? throw new FeedParseException(RejectReasons.Schema) ? _bids : _asks).Add(new PriceLevel(price, size));
        }
        while (cursor.Take((byte)','));

        return cursor.Take((byte)']');
    }

    // The four names as Coinbase writes them, matched whole with their quotes and colon, and the values they hold
    // mostly: "bid"/"offer", and the event_time of the level before.
    private Field TryScanUsualUpdateField(ref StrictJsonCursor cursor, ref bool? bid, ref decimal price, ref decimal size, ref long newest)
    {
        if (cursor.TryLiteral("\"side\":"u8))
        {
            if (cursor.TryString("bid"u8))
            {
                bid = true;
            }
            else if (cursor.TryString("offer"u8))
            {
                bid = false;
            }
            else if (cursor.TryString(out var other))
            {
                bid = cursor.Text[other].SequenceEqual("bid"u8);
            }
            else
            {
                return Field.Failed;
            }

            return Field.Read;
        }

        if (cursor.TryLiteral("\"event_time\":"u8))
        {
            if (_lastTimeLength >= 0 && cursor.TryString(_lastTimeText.AsSpan(0, _lastTimeLength)))
            {
                newest = Math.Max(newest, _lastTime);
                return Field.Read;
            }

            if (!cursor.TryString(out var text))
            {
                return Field.Failed;
            }

            newest = Math.Max(newest, EventTime(cursor.Text[text]));
            return Field.Read;
        }

        return cursor.TryLiteral("\"price_level\":"u8) ? (cursor.TryQuotedDecimal(out price) ? Field.Read : Field.Failed)
            : cursor.TryLiteral("\"new_quantity\":"u8) ? (cursor.TryQuotedDecimal(out size) ? Field.Read : Field.Failed)
            : Field.Other;
    }

    // Names told apart by length first: side (4), event_time (10), price_level (11), new_quantity (12).
    private bool TryScanUpdateField(ref StrictJsonCursor cursor, ReadOnlySpan<byte> name, ref bool? bid, ref decimal price, ref decimal size, ref long newest)
    {
        Range value;
        switch (name.Length)
        {
            case 4 when name.SequenceEqual("side"u8):
                if (!cursor.TryString(out value))
                {
                    return false;
                }

                bid = cursor.Text[value].SequenceEqual("bid"u8);
                return true;
            case 11 when name.SequenceEqual("price_level"u8):
                return cursor.TryQuotedDecimal(out price);
            case 12 when name.SequenceEqual("new_quantity"u8):
                return cursor.TryQuotedDecimal(out size);
            case 10 when name.SequenceEqual("event_time"u8):
                if (!cursor.TryString(out value))
                {
                    return false;
                }

                newest = Math.Max(newest, EventTime(cursor.Text[value]));
                return true;
            default:
                return cursor.TrySkipValue();
        }
    }

    private enum Field
    {
        Other,
        Read,
        Failed,
    }
}
