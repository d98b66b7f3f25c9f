using System.Globalization;
using System.Numerics;

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
        var bits = DecimalBits.Of(value);
        scale = bits.Scale;
        mantissa = bits.Low;
        return bits.High == 0 && !bits.IsNegative;
    }

    // Digits two at a time from the end: the count first (from the bit length, corrected by one comparison).
    private static int WriteDigits(ulong mantissa, Span<byte> destination)
    {
        if (mantissa == 0)
        {
            destination[0] = (byte)'0';
            return 1;
        }

        var estimate = ((BitOperations.Log2(mantissa) + 1) * 1233) >> 12;
        var count = estimate + (mantissa >= AsciiDigits.PowersOfTen[estimate] ? 1 : 0);
        var digits = destination[..count];
        var end = count;
        while (mantissa >= 100)
        {
            (mantissa, var pair) = Math.DivRem(mantissa, 100);
            digits[--end] = DigitPairs[(int)((pair * 2) + 1)];
            digits[--end] = DigitPairs[(int)(pair * 2)];
        }

        if (mantissa >= 10)
        {
            digits[--end] = DigitPairs[(int)((mantissa * 2) + 1)];
            digits[--end] = DigitPairs[(int)(mantissa * 2)];
        }
        else
        {
            digits[--end] = (byte)('0' + mantissa);
        }

        return count;
    }

    private static ReadOnlySpan<byte> DigitPairs =>
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;

    private static int FormatSlow(decimal value, Span<byte> destination) =>
        value.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture) ? written : throw new FeedParseException(RejectReasons.BadNumber);
}
