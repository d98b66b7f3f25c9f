using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace TgeSwarm.Feeds.Parsing;

/// <summary>
/// Field readers over <see cref="Utf8JsonReader"/>. Decimals are parsed straight from the UTF-8 digits (string or
/// number token), so no double ever sits between the wire and the value and the scale sent is kept (checksums are
/// computed over it).
/// </summary>
internal static class Json
{
    public static void Read(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new FeedParseException(RejectReasons.Truncated);
        }
    }

    public static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        Read(ref reader);
        if (reader.TokenType != type)
        {
            throw new FeedParseException(RejectReasons.Schema);
        }
    }

    /// <summary>Reads the next token as a decimal, from a JSON string or number.</summary>
    public static decimal ReadDecimal(ref Utf8JsonReader reader)
    {
        Read(ref reader);
        return GetDecimal(ref reader);
    }

    public static decimal GetDecimal(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number) || reader.ValueIsEscaped || reader.HasValueSequence)
        {
            throw new FeedParseException(RejectReasons.Schema);
        }

        return Utf8Decimal.TryParse(reader.ValueSpan, out var value)
            ? value
            : throw new FeedParseException(RejectReasons.BadNumber);
    }

    /// <summary>An integer sent as a JSON number or as a string of digits.</summary>
    public static long GetInt64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number))
        {
            return number;
        }

        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped
            && Utf8Parser.TryParse(reader.ValueSpan, out long parsed, out var consumed) && consumed == reader.ValueSpan.Length)
        {
            return parsed;
        }

        throw new FeedParseException(reader.TokenType is JsonTokenType.String or JsonTokenType.Number ? RejectReasons.BadNumber : RejectReasons.Schema);
    }

    /// <summary>A string or number token as text (trade ids come both ways).</summary>
    public static string GetText(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString()!,
        JsonTokenType.Number when !reader.HasValueSequence => Encoding.UTF8.GetString(reader.ValueSpan),
        _ => throw new FeedParseException(RejectReasons.Schema),
    };

    /// <summary>The raw bytes of a string token without escapes (symbols, types); escaped text is not a symbol.</summary>
    public static ReadOnlySpan<byte> GetRawString(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.HasValueSequence
            ? reader.ValueSpan
            : throw new FeedParseException(RejectReasons.Schema);

    /// <summary>
    /// Reads <c>[[price, size, …], …]</c> (extra elements ignored) into <paramref name="levels"/>; the reader must
    /// stand on the outer array's start.
    /// </summary>
    public static void ReadLevelArrays(ref Utf8JsonReader reader, List<PriceLevel> levels)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new FeedParseException(RejectReasons.Schema);
        }

        while (true)
        {
            Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new FeedParseException(RejectReasons.Schema);
            }

            var price = ReadDecimal(ref reader);
            var size = ReadDecimal(ref reader);
            SkipToArrayEnd(ref reader);
            levels.Add(new PriceLevel(price, size));
        }
    }

    /// <summary>Skips the remaining elements of the array the reader is inside, leaving it on its end.</summary>
    public static void SkipToArrayEnd(ref Utf8JsonReader reader)
    {
        while (true)
        {
            Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return;
            }

            reader.Skip();
        }
    }

    /// <summary>Skips the value of the property whose name the reader is on.</summary>
    public static void SkipValue(ref Utf8JsonReader reader)
    {
        Read(ref reader);
        Skip(ref reader);
    }

    /// <summary>
    /// Returns a reader positioned on the array that is the value of the property whose name the reader is on, and
    /// moves this reader past it, so the array can be read once the rest of the envelope is known.
    /// </summary>
    public static Utf8JsonReader CaptureArray(scoped ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var captured = reader;
        Skip(ref reader);
        return captured;
    }

    public static void Skip(ref Utf8JsonReader reader)
    {
        if (!reader.TrySkip())
        {
            throw new FeedParseException(RejectReasons.Truncated);
        }
    }
}
