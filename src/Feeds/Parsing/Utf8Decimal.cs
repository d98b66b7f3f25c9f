using System.Globalization;

namespace TgeSwarm.Feeds.Parsing;

/// <summary>
/// Decimals to and from the UTF-8 text venues send. The common shape, plain digits with an optional fraction
/// (<c>"30228.80"</c>), is handled directly: at most 19 digits are one <see cref="ulong"/> mantissa and the digits after
/// the point its scale, exactly what <see cref="decimal.TryParse(ReadOnlySpan{byte}, NumberStyles, IFormatProvider, out decimal)"/>
/// builds (trailing zeros kept). Anything else (a sign, an exponent, more digits) goes to the framework, so the
/// results never differ; the fast paths only skip its general machinery.
/// </summary>
internal static class Utf8Decimal
{
    private const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
    private const int MaxFastDigits = 19;

    public static bool TryParse(ReadOnlySpan<byte> text, out decimal value) =>
        (TryParsePlain(text, out value, out var consumed) && consumed == text.Length)
        || decimal.TryParse(text, Style, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// Reads the plain decimal at the start of <paramref name="text"/>: digits, optionally a point and more digits,
    /// at most 19 digits in all; <paramref name="consumed"/> is its length. False when the text does not start so
    /// (the caller then reads it the general way, which decides whether it is a number at all).
    /// </summary>
    public static bool TryParsePlain(ReadOnlySpan<byte> text, out decimal value, out int consumed)
    {
        value = default;
        ulong mantissa = 0;
        var digits = 0;
        consumed = 0;
        if (!TryReadDigits(text, ref consumed, ref mantissa, ref digits) || consumed == 0)
        {
            return false;
        }

        var scale = 0;
        if (consumed < text.Length && text[consumed] == '.')
        {
            var point = ++consumed;
            if (!TryReadDigits(text, ref consumed, ref mantissa, ref digits) || consumed == point)
            {
                return false;
            }

            scale = consumed - point;
        }

        value = new decimal(unchecked((int)mantissa), unchecked((int)(mantissa >> 32)), 0, isNegative: false, (byte)scale);
        return true;
    }

    // Appends the digits from index on to the mantissa, up to eight at a time; false past 19 digits.
    private static bool TryReadDigits(ReadOnlySpan<byte> text, ref int index, ref ulong mantissa, ref int digits)
    {
        while (text.Length - index >= 8)
        {
            var count = AsciiDigits.ReadUpToEight(text[index..], out var value);
            if (digits + count > MaxFastDigits)
            {
                return false;
            }

            mantissa = (mantissa * AsciiDigits.PowersOfTen[count]) + value;
            digits += count;
            index += count;
            if (count < 8)
            {
                return true;
            }
        }

        for (; index < text.Length; index++)
        {
            var digit = (uint)(text[index] - '0');
            if (digit > 9)
            {
                break;
            }

            if (digits == MaxFastDigits)
            {
                return false;
            }

            mantissa = (mantissa * 10) + digit;
            digits++;
        }

        return true;
    }

    /// <summary>Writes <paramref name="value"/> as <see cref="decimal.TryFormat(Span{byte}, out int, ReadOnlySpan{char}, IFormatProvider?)"/> does with the invariant culture.</summary>
    public static int Format(decimal value, Span<byte> destination)
    {
        if (!TryMantissa(value, out var mantissa, out var scale))
        {
            return FormatSlow(value, destination);
        }

        Span<byte> digits = stackalloc byte[20];
        var length = WriteDigits(mantissa, digits);
        if (scale == 0)
        {
            digits[..length].CopyTo(destination);
            return length;
        }

        var whole = length - scale;
        var written = 0;
        if (whole <= 0)
        {
            destination[written++] = (byte)'0';
            destination[written++] = (byte)'.';
            destination.Slice(written, -whole).Fill((byte)'0');
            written += -whole;
            digits[..length].CopyTo(destination[written..]);
            return written + length;
        }

        digits[..whole].CopyTo(destination);
        destination[whole] = (byte)'.';
        digits[whole..length].CopyTo(destination[(whole + 1)..]);
        return length + 1;
    }

    /// <summary>
    /// The text of <paramref name="value"/> without its decimal point and leading zeros (Kraken's checksum form):
    /// for a non-negative decimal that is its mantissa, nothing at all for zero.
    /// </summary>
    public static int FormatDigitsOnly(decimal value, Span<byte> destination)
    {
        if (TryMantissa(value, out var mantissa, out _))
        {
            return mantissa == 0 ? 0 : WriteDigits(mantissa, destination);
        }

        var length = FormatSlow(value, destination);
        var written = 0;
        foreach (var b in destination[..length])
        {
            if (b == '.' || (b == '0' && written == 0))
            {
                continue;
            }

            destination[written++] = b;
        }

        return written;
    }

    private static bool TryMantissa(decimal value, out ulong mantissa, out int scale)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        scale = value.Scale;
        mantissa = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        return bits[2] == 0 && bits[3] >= 0;
    }

    private static int WriteDigits(ulong mantissa, Span<byte> destination) =>
        mantissa.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture) ? written : throw new FeedParseException(RejectReasons.BadNumber);

    private static int FormatSlow(decimal value, Span<byte> destination) =>
        value.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture) ? written : throw new FeedParseException(RejectReasons.BadNumber);
}
