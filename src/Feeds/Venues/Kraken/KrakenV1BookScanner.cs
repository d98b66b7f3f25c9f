using System.Buffers.Text;
using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Venues.Kraken;

/// <summary>
/// The fast path for Kraken v1 book frames, nearly all of Kraken's traffic:
/// <c>[id,{"a"|"b"|"as"|"bs":[["price","volume","time"(,…)],…],"c":"crc"}(,{…}),"book-N","PAIR"]</c>.
/// <para>
/// One forward scan over the bytes with the frame's grammar hard-wired, instead of the general tokenizer: this shape
/// is a few tokens per level and the tokenizer's per-token cost was most of what the feed spent outside the book.
/// It accepts only a strict subset of JSON (ASCII strings without escapes, an unsigned integer channel id, one or
/// two payload objects with only those keys, nothing after the closing bracket) and gives up on anything else by
/// returning false; the caller then reads the frame with <see cref="System.Text.Json.Utf8JsonReader"/> from the
/// start. A frame it accepts is read exactly as that path reads it, with the same field rules, number parsing and
/// exceptions in the same order (a price that is not a number is a bad number on both paths).
/// </para>
/// </summary>
internal ref struct KrakenV1BookScanner(ReadOnlySpan<byte> frame)
{
    private readonly ReadOnlySpan<byte> _frame = frame;
    private int _at;

    /// <summary>
    /// Reads a whole book frame into <paramref name="bids"/>, <paramref name="asks"/> and <paramref name="message"/>;
    /// false (with partial output the caller discards) when the frame is not of the plain shape.
    /// </summary>
    public bool TryRead(List<PriceLevel> bids, List<PriceLevel> asks, ref KrakenV1BookMessage message, out Range channel, out Range pair)
    {
        channel = default;
        pair = default;
        if (!Take((byte)'[') || !SkipChannelId() || !Take((byte)','))
        {
            return false;
        }

        var payloads = 0;
        while (Peek() == '{')
        {
            if (++payloads > 2 || !ReadPayload(bids, asks, ref message) || !Take((byte)','))
            {
                return false;
            }
        }

        return payloads > 0 && TryString(out channel) && Take((byte)',') && TryString(out pair) && Take((byte)']') && _at == _frame.Length;
    }

    // {"a":[…],"c":"…"}: keys other than the five the feed knows are left to the general path.
    private bool ReadPayload(List<PriceLevel> bids, List<PriceLevel> asks, ref KrakenV1BookMessage message)
    {
        _at++;
        if (Take((byte)'}'))
        {
            return true;
        }

        do
        {
            if (!TryString(out var key) || !Take((byte)':'))
            {
                return false;
            }

            var name = _frame[key];
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
            else if (name.SequenceEqual("c"u8) && TryString(out var value))
            {
                message.Checksum = Utf8Parser.TryParse(_frame[value], out uint checksum, out _) ? checksum : throw new FeedParseException(RejectReasons.BadNumber);
            }
            else
            {
                return false;
            }
        }
        while (Take((byte)','));

        return Take((byte)'}');
    }

    // [["price","volume","time"(,"…")*],…]
    private bool ReadLevels(List<PriceLevel> levels, ref KrakenV1BookMessage message)
    {
        if (!Take((byte)'['))
        {
            return false;
        }

        if (Take((byte)']'))
        {
            return true;
        }

        do
        {
            if (!Take((byte)'[') || !TryQuotedDecimal(out var price) || !Take((byte)',') || !TryQuotedDecimal(out var size) || !Take((byte)',')
                || !TryQuotedSeconds(out var time))
            {
                return false;
            }

            message.Timestamp = Math.Max(message.Timestamp, time);
            while (Take((byte)','))
            {
                if (!TryString(out _))
                {
                    return false;
                }
            }

            if (!Take((byte)']'))
            {
                return false;
            }

            levels.Add(new PriceLevel(price, size));
        }
        while (Take((byte)','));

        return Take((byte)']');
    }

    // A string holding a decimal, read in the same pass as the string when plain; a bad number throws as on the general path.
    private bool TryQuotedDecimal(out decimal value)
    {
        if (Peek() == '"' && Utf8Decimal.TryParsePlain(_frame[(_at + 1)..], out value, out var consumed) && ClosesAt(_at + 1 + consumed))
        {
            _at += consumed + 2;
            return true;
        }

        value = default;
        if (!TryString(out var text))
        {
            return false;
        }

        value = Utf8Decimal.TryParse(_frame[text], out var parsed) ? parsed : throw new FeedParseException(RejectReasons.BadNumber);
        return true;
    }

    private bool TryQuotedSeconds(out long micros)
    {
        if (Peek() == '"' && Timestamps.TryParseSecondsPlain(_frame[(_at + 1)..], out micros, out var consumed) && ClosesAt(_at + 1 + consumed))
        {
            _at += consumed + 2;
            return true;
        }

        micros = 0;
        if (!TryString(out var text))
        {
            return false;
        }

        micros = Timestamps.FromSecondsText(_frame[text]);
        return true;
    }

    private readonly bool ClosesAt(int index) => index < _frame.Length && _frame[index] == '"';

    // 0 or digits without a leading zero, as JSON writes an unsigned integer.
    private bool SkipChannelId()
    {
        SkipWhitespace();
        var start = _at;
        while (_at < _frame.Length && (uint)(_frame[_at] - '0') <= 9)
        {
            _at++;
        }

        return _at > start && (_frame[start] != '0' || _at == start + 1);
    }

    // A string of printable ASCII without escapes: its content.
    private bool TryString(out Range content)
    {
        content = default;
        if (!Take((byte)'"'))
        {
            return false;
        }

        var start = _at;
        while (_at < _frame.Length)
        {
            var b = _frame[_at];
            if (b == '"')
            {
                content = new Range(start, _at);
                _at++;
                return true;
            }

            if (b is < 0x20 or > 0x7E or (byte)'\\')
            {
                return false;
            }

            _at++;
        }

        return false;
    }

    private int Peek()
    {
        SkipWhitespace();
        return _at < _frame.Length ? _frame[_at] : -1;
    }

    private bool Take(byte expected)
    {
        // Kraken writes no whitespace: look at the next byte before skipping any.
        if ((_at < _frame.Length && _frame[_at] == expected) || Peek() == expected)
        {
            _at++;
            return true;
        }

        return false;
    }

    private void SkipWhitespace()
    {
        while (_at < _frame.Length && _frame[_at] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            _at++;
        }
    }
}
