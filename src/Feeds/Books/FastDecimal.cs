using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Books;

/// <summary>
/// Decimal comparisons, sums and products for the book's searches and depths and the feature engine's bars. Prices
/// (and sizes) of one book or instrument nearly always share a scale, and two non-negative decimals of one scale
/// compare and add as their 96-bit mantissas: a couple of integer operations instead of a call into decimal's general
/// code, which lines the scales up first. Two non-negative decimals of 64-bit mantissas multiply as one 64×64-bit
/// product with the scales added, which is what decimal's multiplication gives while that product fits 96 bits and
/// the scale 28. Anything else (other scales, signs, a result beyond 96 bits or 28 places, a zero product) goes to
/// decimal's own operators, so results are always decimal's own, scale included.
/// </summary>
internal static class FastDecimal
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

    /// <summary><c>a + b</c>.</summary>
    public static decimal Add(decimal a, decimal b)
    {
        var x = DecimalBits.Of(a);
        var y = DecimalBits.Of(b);
        if (x.Flags == y.Flags && !x.IsNegative)
        {
            var low = x.Low + y.Low;
            var high = (ulong)x.High + y.High + (low < x.Low ? 1UL : 0UL);
            if (high <= uint.MaxValue)
            {
                return new decimal(unchecked((int)low), unchecked((int)(low >> 32)), unchecked((int)high), isNegative: false, (byte)x.Scale);
            }
        }

        return a + b;
    }

    /// <summary><c>a * b</c>.</summary>
    public static decimal Multiply(decimal a, decimal b)
    {
        var x = DecimalBits.Of(a);
        var y = DecimalBits.Of(b);
        var scale = x.Scale + y.Scale;
        if ((x.High | y.High) == 0 && (x.Flags | y.Flags) >= 0 && scale <= 28)
        {
            var high = Math.BigMul(x.Low, y.Low, out var low);
            if (high <= uint.MaxValue && (high | low) != 0)
            {
                return new decimal(unchecked((int)low), unchecked((int)(low >> 32)), unchecked((int)high), isNegative: false, (byte)scale);
            }
        }

        return a * b;
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
