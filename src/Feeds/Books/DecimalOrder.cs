using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Books;

/// <summary>
/// Compares decimals for the book's searches. Prices of one book nearly always share a scale, and two non-negative
/// decimals of one scale compare as their 96-bit mantissas: two integer comparisons instead of a call into
/// decimal's general comparison, which lines the scales up first. Anything else (other scales, signs) goes to
/// <see cref="decimal.CompareTo(decimal)"/>, so the order is always decimal's own.
/// </summary>
internal static class DecimalOrder
{
    public static int Compare(decimal a, decimal b)
    {
        var x = DecimalBits.Of(a);
        var y = DecimalBits.Of(b);
        if (x.Flags == y.Flags && !x.IsNegative)
        {
            return x.High != y.High ? x.High.CompareTo(y.High) : x.Low.CompareTo(y.Low);
        }

        return a.CompareTo(b);
    }

    /// <summary><c>value == 0</c> (of any scale or sign).</summary>
    public static bool IsZero(decimal value)
    {
        var bits = DecimalBits.Of(value);
        return (bits.High | bits.Low) == 0;
    }

    /// <summary><c>value &gt; 0</c>.</summary>
    public static bool IsPositive(decimal value)
    {
        var bits = DecimalBits.Of(value);
        return !bits.IsNegative && (bits.High | bits.Low) != 0;
    }
}
