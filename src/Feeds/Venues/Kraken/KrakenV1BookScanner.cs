using System.Buffers.Binary;
using System.Buffers.Text;
using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Venues.Kraken;

/// <summary>
/// The fast path for Kraken v1 book frames, nearly all of Kraken's traffic:
/// <c>[id,{"a"|"b"|"as"|"bs":[["price","volume","time"(,…)],…],"c":"crc"}(,{…}),"book-N","PAIR"]</c>, read in one
/// pass by a <see cref="StrictJsonCursor"/> with the frame's grammar hard-wired. It takes an unsigned integer channel
/// id, one or two payload objects with only those keys, string level elements and nothing after the closing
/// bracket; anything else returns false, and the caller reads the frame with the general tokenizer from the start.
/// A frame it takes is read exactly as that path reads it.
/// </summary>
internal ref struct KrakenV1BookScanner(ReadOnlySpan<byte> frame)
{
    private StrictJsonCursor _cursor = new(frame);

    /// <summary>
    /// Reads a whole book frame into <paramref name="bids"/>, <paramref name="asks"/> and <paramref name="message"/>;
    /// false (with partial output the caller discards) when the frame is not of the plain shape.
    /// </summary>
    public bool TryRead(List<PriceLevel> bids, List<PriceLevel> asks, ref KrakenV1BookMessage message, out Range channel, out Range pair)
    {
        channel = default;
        pair = default;
        if (!_cursor.Take((byte)'[') || !_cursor.TryUnsigned(out _) || !_cursor.Take((byte)','))
        {
            return false;
        }

        var payloads = 0;
        while (_cursor.Peek() == '{')
        {
            if (++payloads > 2 || !ReadPayload(bids, asks, ref message) || !_cursor.Take((byte)','))
            {
                return false;
            }
        }

        return payloads > 0 && _cursor.TryString(out channel) && _cursor.Take((byte)',') && _cursor.TryString(out pair) && _cursor.Take((byte)']')
            && _cursor.AtEnd;
    }

    // {"a":[…],"c":"…"}: keys other than the five the feed knows are left to the general path.
    private bool ReadPayload(List<PriceLevel> bids, List<PriceLevel> asks, ref KrakenV1BookMessage message)
    {
        _cursor.Take((byte)'{');
        if (_cursor.Take((byte)'}'))
        {
            return true;
        }

        do
        {
            if (!_cursor.TryName(out var name))
            {
                return false;
            }

            var snapshotSide = name.SequenceEqual("as"u8) || name.SequenceEqual("bs"u8);
            var bid = name.SequenceEqual("bs"u8) || name.SequenceEqual("b"u8);
            if (snapshotSide || name.SequenceEqual("a"u8) || name.SequenceEqual("b"u8))
            {
                message.IsSnapshot |= snapshotSide;
                if (!ReadLevels(bid ? bids : asks, ref message))
                {
                    return false;
                }
            }
            else if (name.SequenceEqual("c"u8) && _cursor.TryString(out var value))
            {
                message.Checksum = Utf8Parser.TryParse(_cursor.Text[value], out uint checksum, out _) ? checksum : throw new FeedParseException(RejectReasons.BadNumber);
            }
            else
            {
                return false;
            }
        }
        while (_cursor.Take((byte)','));

        return _cursor.Take((byte)'}');
    }

    // [["price","volume","time"(,"…")*],…]
    private bool ReadLevels(List<PriceLevel> levels, ref KrakenV1BookMessage message)
    {
        if (!_cursor.Take((byte)'['))
        {
            return false;
        }

        if (_cursor.Take((byte)']'))
        {
            return true;
        }

        var newest = default(CanonicalTime);
        do
        {
            if (!_cursor.Take((byte)'[') || !_cursor.TryQuotedDecimal(out var price) || !_cursor.Take((byte)',') || !_cursor.TryQuotedDecimal(out var size)
                || !_cursor.Take((byte)',') || !TryLevelTime(ref newest, ref message))
            {
                return false;
            }

            while (_cursor.Take((byte)','))
            {
                if (!_cursor.TryString(out _))
                {
                    return false;
                }
            }

            if (!_cursor.Take((byte)']'))
            {
                return false;
            }

            levels.Add(new PriceLevel(price, size));
        }
        while (_cursor.Take((byte)','));

        if (newest.Text.End.Value > 0)
        {
            message.Timestamp = Math.Max(message.Timestamp, Timestamps.FromSecondsText(_cursor.Text[newest.Text]));
        }

        return _cursor.Take((byte)']');
    }

    // The event time is the newest level time. Kraken writes them "1618678135.123456": text of exactly that shape
    // (ten digits, a point, six digits) is valid and orders as its value, so those are only compared as text and the
    // newest converted once per list; a time of any other shape is converted and compared at once.
    private bool TryLevelTime(ref CanonicalTime newest, ref KrakenV1BookMessage message)
    {
        const int Length = 17;
        var at = _cursor.Position;
        var text = _cursor.Text;
        if (text.Length - at >= Length + 2 && text[at] == '"' && text[at + Length + 1] == '"' && text[at + 11] == '.' && (uint)(text[at + Length] - '0') <= 9)
        {
            var high = BinaryPrimitives.ReadUInt64LittleEndian(text[(at + 1)..]);
            var low = BinaryPrimitives.ReadUInt64LittleEndian(text[(at + 9)..]);
            if (AsciiDigits.AreDigits(high) && AsciiDigits.AreDigits((low & ~0xFF0000UL) | 0x300000UL))
            {
                // Big-endian, the first eight bytes then the next eight then the last compare as the text does.
                var key = new CanonicalTime(BinaryPrimitives.ReverseEndianness(high), BinaryPrimitives.ReverseEndianness(low), text[at + Length], new Range(at + 1, at + 1 + Length));
                if (key.IsAfter(newest))
                {
                    newest = key;
                }

                _cursor.Skip(Length + 2);
                return true;
            }
        }

        if (!_cursor.TryQuotedSeconds(out var time))
        {
            return false;
        }

        message.Timestamp = Math.Max(message.Timestamp, time);
        return true;
    }

    private readonly record struct CanonicalTime(ulong High, ulong Low, byte Last, Range Text)
    {
        public bool IsAfter(CanonicalTime other) =>
            other.Text.End.Value == 0 || High > other.High || (High == other.High && (Low > other.Low || (Low == other.Low && Last > other.Last)));
    }
}
