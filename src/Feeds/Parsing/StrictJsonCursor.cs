using System.Buffers;

namespace TgeSwarm.Feeds.Parsing;

/// <summary>
/// A forward cursor for the venues' fast paths: hand-written readers of the two or three frame shapes that make up
/// nearly all of a venue's traffic, which read fields as they pass instead of going token by token through
/// <see cref="System.Text.Json.Utf8JsonReader"/>.
/// <para>
/// It accepts a strict subset of JSON and nothing else: strings of printable ASCII without escapes, numbers by the
/// JSON grammar, literals, nested values up to <see cref="MaxDepth"/>. Every <c>Try…</c> returns false where the text
/// leaves that subset or the shape the caller expects, and the caller then gives the frame to its general reader
/// from the start. So a fast path only ever reads frames that are valid JSON, and must read them exactly as the
/// general reader does (same field rules, same conversions, same exceptions in the same order): the number readers
/// here throw <see cref="FeedParseException"/> with <see cref="RejectReasons.BadNumber"/> where <see cref="Json"/> does.
/// </para>
/// </summary>
internal ref struct StrictJsonCursor(ReadOnlySpan<byte> text)
{
    private const int MaxDepth = 32;

    // Everything but printable ASCII, and the quote and backslash.
    private static readonly SearchValues<byte> NotPlain = SearchValues.Create([.. Enumerable.Range(0, 0x20).Select(static b => (byte)b), (byte)'"', (byte)'\\', .. Enumerable.Range(0x7F, 0x81).Select(static b => (byte)b)]);

    private readonly ReadOnlySpan<byte> _text = text;
    private int _at;

    public readonly ReadOnlySpan<byte> Text => _text;

    /// <summary>
    /// Where the next token starts, after any whitespace: for a caller that checks a fixed shape itself and then
    /// <see cref="Skip"/>s it (it must take nothing <c>Try…</c> would not).
    /// </summary>
    public int Position
    {
        get
        {
            SkipWhitespace();
            return _at;
        }
    }

    public void Skip(int count) => _at += count;

    /// <summary>True once only whitespace is left.</summary>
    public bool AtEnd
    {
        get
        {
            SkipWhitespace();
            return _at == _text.Length;
        }
    }

    /// <summary>The next byte after any whitespace, -1 at the end.</summary>
    public int Peek()
    {
        SkipWhitespace();
        return _at < _text.Length ? _text[_at] : -1;
    }

    public bool Take(byte expected)
    {
        // Venues write no whitespace: look at the next byte before skipping any.
        if ((_at < _text.Length && _text[_at] == expected) || Peek() == expected)
        {
            _at++;
            return true;
        }

        return false;
    }

    /// <summary>A string; <paramref name="content"/> is where its text lies in <see cref="Text"/>.</summary>
    public bool TryString(out Range content)
    {
        content = default;
        if (!Take((byte)'"'))
        {
            return false;
        }

        // The first byte that may not stand in a plain string; it must be the closing quote.
        var length = _text[_at..].IndexOfAny(NotPlain);
        if (length < 0 || _text[_at + length] != '"')
        {
            return false;
        }

        content = new Range(_at, _at + length);
        _at += length + 1;
        return true;
    }

    /// <summary>Exactly <paramref name="literal"/> next (after any whitespace), e.g. a property name with its quotes and colon.</summary>
    public bool TryLiteral(ReadOnlySpan<byte> literal)
    {
        SkipWhitespace();
        if (!_text[_at..].StartsWith(literal))
        {
            return false;
        }

        _at += literal.Length;
        return true;
    }

    /// <summary>A string whose text is exactly <paramref name="content"/> (plain, as <see cref="TryString"/> would take it).</summary>
    public bool TryString(ReadOnlySpan<byte> content)
    {
        SkipWhitespace();
        var rest = _text[_at..];
        if (rest.Length < content.Length + 2 || rest[0] != '"' || rest[content.Length + 1] != '"' || !rest.Slice(1, content.Length).SequenceEqual(content))
        {
            return false;
        }

        _at += content.Length + 2;
        return true;
    }

    /// <summary>A property name and its colon.</summary>
    public bool TryName(out ReadOnlySpan<byte> name)
    {
        name = default;
        if (!TryString(out var content) || !Take((byte)':'))
        {
            return false;
        }

        name = _text[content];
        return true;
    }

    /// <summary>A string holding a decimal, as <see cref="Json.GetDecimal"/> reads it; the plain form is read in the same pass as the string.</summary>
    public bool TryQuotedDecimal(out decimal value)
    {
        if (Peek() == '"' && Utf8Decimal.TryParsePlain(_text[(_at + 1)..], out value, out var consumed) && Closes(_at + 1 + consumed))
        {
            _at += consumed + 2;
            return true;
        }

        value = default;
        if (!TryString(out var content))
        {
            return false;
        }

        value = Utf8Decimal.TryParse(_text[content], out var parsed) ? parsed : throw new FeedParseException(RejectReasons.BadNumber);
        return true;
    }

    /// <summary>A string holding Kraken v1 seconds, as <see cref="Timestamps.FromSecondsText"/> reads them.</summary>
    public bool TryQuotedSeconds(out long micros)
    {
        if (Peek() == '"' && Timestamps.TryParseSecondsPlain(_text[(_at + 1)..], out micros, out var consumed) && Closes(_at + 1 + consumed))
        {
            _at += consumed + 2;
            return true;
        }

        micros = 0;
        if (!TryString(out var content))
        {
            return false;
        }

        micros = Timestamps.FromSecondsText(_text[content]);
        return true;
    }

    /// <summary>A JSON integer of at most 18 digits without sign, fraction or exponent (which <see cref="Json.GetInt64"/> reads the same).</summary>
    public bool TryUnsigned(out long value)
    {
        value = 0;
        SkipWhitespace();
        var start = _at;
        while (_at < _text.Length && (uint)(_text[_at] - '0') <= 9)
        {
            value = (value * 10) + (_text[_at] - '0');
            _at++;
        }

        var digits = _at - start;
        return digits is > 0 and <= 18 && (digits == 1 || _text[start] != '0') && !ContinuesNumber();
    }

    /// <summary>Skips one value of the strict subset.</summary>
    public bool TrySkipValue() => TrySkipValue(0);

    private readonly bool Closes(int index) => index < _text.Length && _text[index] == '"';

    private bool TrySkipValue(int depth)
    {
        switch (Peek())
        {
            case '"':
                return TryString(out _);
            case '{':
                return depth < MaxDepth && TrySkipContainer((byte)'}', members: true, depth);
            case '[':
                return depth < MaxDepth && TrySkipContainer((byte)']', members: false, depth);
            case 't':
                return TrySkipLiteral("true"u8);
            case 'f':
                return TrySkipLiteral("false"u8);
            case 'n':
                return TrySkipLiteral("null"u8);
            default:
                return TrySkipNumber();
        }
    }

    private bool TrySkipContainer(byte close, bool members, int depth)
    {
        _at++;
        if (Take(close))
        {
            return true;
        }

        do
        {
            if ((members && !TryName(out _)) || !TrySkipValue(depth + 1))
            {
                return false;
            }
        }
        while (Take((byte)','));

        return Take(close);
    }

    private bool TrySkipLiteral(ReadOnlySpan<byte> literal)
    {
        if (!_text[_at..].StartsWith(literal))
        {
            return false;
        }

        _at += literal.Length;
        return !ContinuesNumber();
    }

    // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    private bool TrySkipNumber()
    {
        if (_at < _text.Length && _text[_at] == '-')
        {
            _at++;
        }

        if (_at < _text.Length && _text[_at] == '0')
        {
            _at++;
        }
        else if (!SkipDigits())
        {
            return false;
        }

        if (_at < _text.Length && _text[_at] == '.')
        {
            _at++;
            if (!SkipDigits())
            {
                return false;
            }
        }

        if (_at < _text.Length && _text[_at] is (byte)'e' or (byte)'E')
        {
            _at++;
            if (_at < _text.Length && _text[_at] is (byte)'+' or (byte)'-')
            {
                _at++;
            }

            if (!SkipDigits())
            {
                return false;
            }
        }

        return !ContinuesNumber();
    }

    private bool SkipDigits()
    {
        var start = _at;
        while (_at < _text.Length && (uint)(_text[_at] - '0') <= 9)
        {
            _at++;
        }

        return _at > start;
    }

    // A number or literal must be followed by a delimiter, not by more of a token ("12a", "truex", "01").
    private readonly bool ContinuesNumber() =>
        _at < _text.Length && _text[_at] is not ((byte)',' or (byte)']' or (byte)'}' or (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r');

    private void SkipWhitespace()
    {
        while (_at < _text.Length && _text[_at] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            _at++;
        }
    }
}
