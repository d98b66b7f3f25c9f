using System.Buffers.Text;

namespace TgeSwarm.Feeds.Parsing;

/// <summary>Venue time formats to UTC microseconds since the Unix epoch.</summary>
internal static class Timestamps
{
    /// <summary>Unix milliseconds to microseconds; a value beyond the range of microseconds is a bad number.</summary>
    public static long FromMilliseconds(long milliseconds) =>
        milliseconds is > long.MaxValue / 1000 or < long.MinValue / 1000 ? throw new FeedParseException(RejectReasons.BadNumber) : milliseconds * 1000;

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
        const int MicroDigits = 6;
        micros = 0;
        consumed = 0;
        long seconds = 0;
        var i = 0;
        while (true)
        {
            var count = DigitRun(text, i, out var value);
            seconds = (seconds * (long)AsciiDigits.PowersOfTen[count]) + value;
            i += count;
            if (count < 8 || i > MaxWholeDigits)
            {
                break;
            }
        }

        consumed = i;
        if (i is 0 or > MaxWholeDigits)
        {
            return false;
        }

        long fraction = 0;
        if (i < text.Length && text[i] == '.')
        {
            // The first six digits are the microseconds; more are read (they must be digits) and dropped.
            var start = ++i;
            while (true)
            {
                var count = DigitRun(text, i, out var value);
                var position = i - start;
                if (position < MicroDigits)
                {
                    var used = Math.Min(count, MicroDigits - position);
                    fraction = (fraction * (long)AsciiDigits.PowersOfTen[used]) + (long)(value / AsciiDigits.PowersOfTen[count - used]);
                }

                i += count;
                if (count < 8)
                {
                    break;
                }
            }

            fraction *= (long)AsciiDigits.PowersOfTen[Math.Max(0, MicroDigits - (i - start))];
            consumed = i;
        }

        micros = (seconds * 1_000_000) + fraction;
        return true;
    }

    // The digits at text[index..], eight at most: eight at once when eight bytes remain, else one by one.
    private static int DigitRun(ReadOnlySpan<byte> text, int index, out uint value)
    {
        if (text.Length - index >= 8)
        {
            return AsciiDigits.ReadUpToEight(text[index..], out value);
        }

        value = 0;
        var count = 0;
        while (index + count < text.Length && count < 8 && (uint)(text[index + count] - '0') <= 9)
        {
            value = (value * 10) + (uint)(text[index + count] - '0');
            count++;
        }

        return count;
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
