using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TgeSwarm.Feeds.Exchange.Frames;

/// <summary>
/// Walks one recorded frame token by token and lets the venue's subclass say which values a later pass rewrites
/// (ids, times), which subscription owns the frame, what kind it is and where its first book quantity sits.
/// Runs once per frame when a recording is loaded, never while serving; not thread-safe (one per load).
/// </summary>
internal abstract class FrameScanner
{
    private const int MaxDepth = 64;

    private readonly Container[] _stack = new Container[MaxDepth];
    private readonly List<Pending> _pending = [];
    private int _depth;
    private int _quantityStart;
    private int _quantityLength;

    /// <summary>The subscription key of the frame being scanned; null when no subscription owns it.</summary>
    protected string? Key { get; set; }

    protected FrameKind Kind { get; set; }

    /// <summary>Number of containers open around the current token (1 inside the top-level object or array).</summary>
    protected int Depth => _depth;

    /// <summary>Whether the current value sits in an array (then <see cref="Index"/> is its position).</summary>
    protected bool InArray => _depth > 0 && _stack[_depth - 1].IsArray;

    /// <summary>The current value's position in its array.</summary>
    protected int Index => _depth > 0 ? _stack[_depth - 1].Count : 0;

    /// <summary>Scans <paramref name="frame"/> and registers its ids in <paramref name="classes"/>.</summary>
    public FrameTemplate Scan(byte[] frame, long micros, IdClassTable classes)
    {
        _depth = 0;
        _pending.Clear();
        _quantityStart = -1;
        _quantityLength = 0;
        Key = null;
        Kind = FrameKind.Other;
        BeginFrame();
        try
        {
            Walk(frame);
        }
        catch (JsonException)
        {
            // Not JSON (a text pong): replayed as recorded, nothing to rewrite.
            _pending.Clear();
            _quantityStart = -1;
        }

        EndFrame();
        var slots = new FrameSlot[_pending.Count];
        for (var i = 0; i < _pending.Count; i++)
        {
            var pending = _pending[i];
            var idClass = pending.Role is null ? -1 : classes.Register(ClassName(pending.Role), pending.Slot.Value, pending.Anchors);
            slots[i] = pending.Slot with { IdClass = idClass };
        }

        Array.Sort(slots, static (a, b) => a.Start.CompareTo(b.Start));
        return new FrameTemplate(frame, slots, Kind, Key, _quantityStart, _quantityLength, micros, classes);
    }

    protected virtual void BeginFrame()
    {
    }

    /// <summary>Called after the last token: decide <see cref="Key"/> and <see cref="Kind"/> from what was seen.</summary>
    protected virtual void EndFrame()
    {
    }

    /// <summary>A string, number or literal; <paramref name="property"/> is its name in an object, null in an array.</summary>
    protected abstract void OnValue(ref Utf8JsonReader reader, string? property);

    /// <summary>An object or array begins; <paramref name="property"/> is its name in an object, null in an array.</summary>
    protected virtual void OnContainer(bool isArray, string? property)
    {
    }

    /// <summary>The id class of a slot registered with <paramref name="role"/>, once the whole frame is known.</summary>
    protected abstract string ClassName(string role);

    /// <summary>The property name under which the container at <paramref name="depth"/> (1 = top level) was opened.</summary>
    protected string? PropertyAt(int depth) => depth >= 1 && depth <= _depth ? _stack[depth - 1].Property : null;

    protected bool IsArrayAt(int depth) => depth >= 1 && depth <= _depth && _stack[depth - 1].IsArray;

    /// <summary>Whether any open container was opened under <paramref name="property"/>.</summary>
    protected bool Within(string property)
    {
        for (var i = 0; i < _depth; i++)
        {
            if (string.Equals(_stack[i].Property, property, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A non-negative integer, as a JSON number or a string of digits, rewritten as <paramref name="kind"/>.</summary>
    protected void AddDigits(ref Utf8JsonReader reader, SlotKind kind, string? role = null, bool anchors = true)
    {
        if (TryDigits(ref reader, out var start, out var length, out var value))
        {
            _pending.Add(new Pending(new FrameSlot(start, length, kind, value, -1), role, anchors));
        }
    }

    /// <summary>The whole seconds of a <c>1618678142.557535</c> string.</summary>
    protected void AddSecondsPrefix(ref Utf8JsonReader reader)
    {
        if (!TryString(ref reader, out var start, out var text))
        {
            return;
        }

        var dot = text.IndexOf((byte)'.');
        var digits = dot < 0 ? text : text[..dot];
        if (digits.Length > 0 && Utf8Parser.TryParse(digits, out long seconds, out var consumed) && consumed == digits.Length && seconds >= 0)
        {
            _pending.Add(new Pending(new FrameSlot(start, digits.Length, SlotKind.Seconds, seconds, -1), null, false));
        }
    }

    /// <summary>The <c>yyyy-MM-ddTHH:mm:ss</c> (or, with <paramref name="go"/>, <c>yyyy-MM-dd HH:mm:ss … m=+N.n</c>) start of a time string.</summary>
    protected void AddDateTime(ref Utf8JsonReader reader, bool go)
    {
        const int Length = 19;
        if (!TryString(ref reader, out var start, out var text) || text.Length < Length)
        {
            return;
        }

        var format = go ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-ddTHH:mm:ss";
        if (!DateTime.TryParseExact(Encoding.ASCII.GetString(text[..Length]), format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
        {
            return;
        }

        var seconds = (long)(time - DateTime.UnixEpoch).TotalSeconds;
        _pending.Add(new Pending(new FrameSlot(start, Length, go ? SlotKind.GoSeconds : SlotKind.IsoSeconds, seconds, -1), null, false));
        var monotonic = go ? text.IndexOf("m=+"u8) : -1;
        if (monotonic > 0)
        {
            // Go's monotonic reading moves with the wall clock; shifting both keeps them consistent.
            var digits = text[(monotonic + 3)..];
            var dot = digits.IndexOf((byte)'.');
            digits = dot < 0 ? digits : digits[..dot];
            if (Utf8Parser.TryParse(digits, out long value, out var consumed) && consumed == digits.Length)
            {
                _pending.Add(new Pending(new FrameSlot(start + monotonic + 3, digits.Length, SlotKind.Seconds, value, -1), null, false));
            }
        }
    }

    /// <summary>A trade id that is a number in a string, or a UUID (Bybit linear), made unique per pass.</summary>
    protected void AddTradeId(ref Utf8JsonReader reader, string role)
    {
        if (reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length == 36 && reader.ValueSpan[8] == '-' && !reader.ValueIsEscaped)
        {
            var node = reader.ValueSpan[24..];
            if (Utf8Parser.TryParse(node, out long value, out var consumed, 'x') && consumed == node.Length)
            {
                _pending.Add(new Pending(new FrameSlot(checked((int)reader.TokenStartIndex) + 1 + 24, 12, SlotKind.UuidNode, value, -1), null, false));
            }

            return;
        }

        AddDigits(ref reader, SlotKind.Id, role);
    }

    /// <summary>Marks the current string as the frame's first book quantity, unless one was marked already.</summary>
    protected void MarkQuantity(ref Utf8JsonReader reader)
    {
        if (_quantityStart < 0 && TryString(ref reader, out var start, out var text) && text.Length > 0)
        {
            _quantityStart = start;
            _quantityLength = text.Length;
        }
    }

    protected static string? Text(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.String ? reader.GetString() : null;

    private void Walk(byte[] frame)
    {
        var reader = new Utf8JsonReader(frame, isFinalBlock: true, state: new JsonReaderState(new JsonReaderOptions { MaxDepth = MaxDepth }));
        string? property = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    continue;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    var isArray = reader.TokenType == JsonTokenType.StartArray;
                    OnContainer(isArray, property);
                    Advance();
                    _stack[_depth++] = new Container(isArray, property);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    _depth--;
                    break;
                default:
                    OnValue(ref reader, property);
                    Advance();
                    break;
            }

            property = null;
        }
    }

    private void Advance()
    {
        if (_depth > 0)
        {
            _stack[_depth - 1].Count++;
        }
    }

    private static bool TryString(ref Utf8JsonReader reader, out int start, out ReadOnlySpan<byte> text)
    {
        start = 0;
        text = default;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return false;
        }

        start = checked((int)reader.TokenStartIndex) + 1;
        text = reader.ValueSpan;
        return true;
    }

    private static bool TryDigits(ref Utf8JsonReader reader, out int start, out int length, out long value)
    {
        start = 0;
        length = 0;
        value = 0;
        if (reader.HasValueSequence || reader.ValueIsEscaped || reader.TokenType is not (JsonTokenType.Number or JsonTokenType.String))
        {
            return false;
        }

        start = checked((int)reader.TokenStartIndex) + (reader.TokenType == JsonTokenType.String ? 1 : 0);
        var text = reader.ValueSpan;
        length = text.Length;
        // Digits only: a negative sentinel (-1), a fraction or an exponent is left as recorded.
        return text.Length is > 0 and <= 19 && text.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0
            && (text.Length == 1 || text[0] != '0') && Utf8Parser.TryParse(text, out value, out _);
    }

    private struct Container(bool isArray, string? property)
    {
        public readonly bool IsArray = isArray;
        public readonly string? Property = property;
        public int Count;
    }

    private readonly record struct Pending(FrameSlot Slot, string? Role, bool Anchors);
}
