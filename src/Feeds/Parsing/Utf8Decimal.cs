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

    public static bool TryParse(ReadOnlySpan<byte> text, out decimal value)
    {
        ulong mantissa = 0;
        var digits = 0;
        var point = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var digit = (uint)(text[i] - '0');
            if (digit <= 9 && digits < MaxFastDigits)
            {
                mantissa = (mantissa * 10) + digit;
                digits++;
            }
            else if (text[i] == '.' && point < 0 && i > 0 && i < text.Length - 1)
            {
                point = i;
            }
            else
            {
                return decimal.TryParse(text, Style, CultureInfo.InvariantCulture, out value);
            }
        }

        if (digits == 0)
        {
            return decimal.TryParse(text, Style, CultureInfo.InvariantCulture, out value);
        }

        var scale = point < 0 ? 0 : text.Length - 1 - point;
        value = new decimal(unchecked((int)mantissa), unchecked((int)(mantissa >> 32)), 0, isNegative: false, (byte)scale);
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
