using System.Runtime.CompilerServices;
using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Books;

internal sealed partial class BookSide
{
    // A venue writes every price of an instrument with one scale, so a side's prices nearly always share their
    // decimal flags and fit 64 bits; their mantissas then order as the prices do. While that holds the side keeps
    // them in a ulong array beside the levels (inverted on the ask side, so on both sides a larger key is a better
    // level and the array ascends like the levels), and a price is found by a branch-free bisection over those
    // keys: a cached ulong load and a conditional add per step, where the decimal search mispredicted about half
    // its comparisons and read 32-byte levels. The first price of an empty side fixes the flags; a level of any
    // other form stops the keys until the side is empty again, and until then the decimal search is used (a
    // price of another scale is looked up that way too, so 1.5 still finds the level 1.50).
    private ulong[] _keys;
    private int _keyFlags;
    private bool _keyed;

    /// <summary>True while every level's price has the flags of the first one and a 64-bit mantissa (tests).</summary>
    internal bool IsKeyed => _keyed;

    // The key of price if the side is (or, empty, can become) keyed with its flags.
    private bool TryKey(decimal price, out ulong key)
    {
        var bits = DecimalBits.Of(price);
        key = _higherIsBetter ? bits.Low : ~bits.Low;
        if (_keyed && bits.Flags == _keyFlags && bits.High == 0)
        {
            return true;
        }

        if (Count == 0 && bits.High == 0 && !bits.IsNegative)
        {
            _keyed = true;
            _keyFlags = bits.Flags;
            return true;
        }

        return false;
    }

    // The index of the first key not below key: Find's answer for a keyed price.
    private int FindKey(ulong key)
    {
        var keys = _keys;
        var low = _start;
        var length = _end - _start;
        if (length == 0)
        {
            return low;
        }

        // The answer lies in [low, low + length]; each step halves that without a branch on the comparison.
        while (length > 1)
        {
            var half = length >> 1;
            low += half & -Below(keys[low + half - 1], key);
            length -= half;
        }

        return low + Below(keys[low], key);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Below(ulong a, ulong b) => Unsafe.BitCast<bool, byte>(a < b);

    // Keys for levels just loaded in place (into an empty side), or none if any of them does not fit.
    private void KeyLoaded(int start, int count)
    {
        var first = DecimalBits.Of(_levels[start].Price);
        _keyed = first.High == 0 && !first.IsNegative;
        _keyFlags = first.Flags;
        for (var i = start; _keyed && i < start + count; i++)
        {
            _keyed = TryKey(_levels[i].Price, out _keys[i]);
        }
    }
}
