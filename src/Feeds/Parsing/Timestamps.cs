using System.Buffers.Text;

namespace TgeSwarm.Feeds.Parsing;

/// <summary>Venue time formats to UTC microseconds since the Unix epoch.</summary>
internal static class Timestamps
{
    public static long FromMilliseconds(long milliseconds) => checked(milliseconds * 1000);

    /// <summary>Kraken v1's <c>"1618678135.123456"</c>: seconds with a fraction, read as digits (no double).</summary>
    public static long FromSecondsText(ReadOnlySpan<byte> text)
    {
        if (TryParseSecondsPlain(text, out var plain, out var consumed) && consumed == text.Length)
        {
            return plain;
        }

        var dot = text.IndexOf((byte)'.');
        var whole = dot < 0 ? text : text[..dot];
        if (!Utf8Parser.TryParse(whole, out long seconds, out consumed) || consumed != whole.Length)
        {
            throw new FeedParseException(RejectReasons.BadNumber);
        }

        try
        {
            return checked((seconds * 1_000_000) + (dot < 0 ? 0 : Fraction(text[(dot + 1)..])));
        }
        catch (OverflowException)
        {
            throw new FeedParseException(RejectReasons.BadNumber);
        }
    }

    /// <summary>
    /// Reads seconds at the start of <paramref name="text"/> in the plain form (1 to 12 digits, optionally a point
    /// and fraction digits) in one pass, as <see cref="FromSecondsText"/> would; false for anything else.
    /// </summary>
    public static bool TryParseSecondsPlain(ReadOnlySpan<byte> text, out long micros, out int consumed)
    {
        const int MaxWholeDigits = 12;
        micros = 0;
        long seconds = 0;
        var i = 0;
        if (AsciiDigits.TryReadEight(text, out var eight))
        {
            seconds = eight;
            i = 8;
        }

        for (; i < text.Length && (uint)(text[i] - '0') <= 9; i++)
        {
            seconds = (seconds * 10) + (text[i] - '0');
        }

        consumed = i;
        if (i is 0 or > MaxWholeDigits)
        {
            return false;
        }

        long fraction = 0;
        if (i < text.Length && text[i] == '.')
        {
            var start = ++i;
            for (; i < text.Length && (uint)(text[i] - '0') <= 9; i++)
            {
                if (i - start < 6)
                {
                    fraction = (fraction * 10) + (text[i] - '0');
                }
            }

            for (var padding = i - start; padding < 6; padding++)
            {
                fraction *= 10;
            }

            consumed = i;
        }

        micros = (seconds * 1_000_000) + fraction;
        return true;
    }

    /// <summary>RFC 3339 in UTC as the venues send it: <c>2026-08-09T21:05:48.251397169Z</c> (0 to 9 fraction digits).</summary>
    public static long FromIso8601(ReadOnlySpan<byte> text)
    {
        if (text.Length < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[^1] != 'Z')
        {
            throw new FeedParseException(RejectReasons.BadNumber);
        }

        var date = new DateTime(
            Digits(text[..4]), Digits(text.Slice(5, 2)), Digits(text.Slice(8, 2)),
            Digits(text.Slice(11, 2)), Digits(text.Slice(14, 2)), Digits(text.Slice(17, 2)), DateTimeKind.Utc);
        var micros = (date - DateTime.UnixEpoch).Ticks / 10;
        var rest = text[19..^1];
        if (rest.IsEmpty)
        {
            return micros;
        }

        return rest[0] == '.' ? micros + Fraction(rest[1..]) : throw new FeedParseException(RejectReasons.BadNumber);
    }

    // Up to six digits are microseconds; finer digits are truncated, coarser ones scaled up.
    private static long Fraction(ReadOnlySpan<byte> digits)
    {
        long micros = 0;
        for (var i = 0; i < 6; i++)
        {
            micros = (micros * 10) + (i < digits.Length ? Digit(digits[i]) : 0);
        }

        for (var i = 6; i < digits.Length; i++)
        {
            _ = Digit(digits[i]);
        }

        return micros;
    }

    private static int Digits(ReadOnlySpan<byte> digits)
    {
        var value = 0;
        foreach (var b in digits)
        {
            value = (value * 10) + Digit(b);
        }

        return value;
    }

    private static int Digit(byte b) => b is >= (byte)'0' and <= (byte)'9' ? b - '0' : throw new FeedParseException(RejectReasons.BadNumber);
}
