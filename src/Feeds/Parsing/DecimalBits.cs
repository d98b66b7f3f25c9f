using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TgeSwarm.Feeds.Parsing;

/// <summary>
/// A decimal's sign and scale, and its 96-bit mantissa, read in place: the hot paths that compare prices and
/// format checksum texts need them for every level, and <see cref="decimal.GetBits(decimal, Span{int})"/> copies
/// them out one call at a time. The runtime has laid a decimal out as flags, the high 32 bits of the mantissa, then
/// the low 64 since .NET Core 3.0; that is checked once at start-up, and if it ever does not hold every read goes
/// through <see cref="decimal.GetBits(decimal, Span{int})"/> instead, so the values read are always right.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct DecimalBits
{
    private static readonly bool LayoutKnown = CheckLayout();

    private readonly int _flags;
    private readonly uint _high;
    private readonly ulong _low;

    private DecimalBits(int flags, uint high, ulong low)
    {
        _flags = flags;
        _high = high;
        _low = low;
    }

    /// <summary>Scale (bits 16–23) and sign (bit 31), as <see cref="decimal.GetBits(decimal)"/> gives them.</summary>
    public int Flags => _flags;

    public int Scale => (_flags >> 16) & 0xFF;

    public bool IsNegative => _flags < 0;

    public uint High => _high;

    public ulong Low => _low;

    public static DecimalBits Of(decimal value)
    {
        if (LayoutKnown)
        {
            return Unsafe.As<decimal, DecimalBits>(ref value);
        }

        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        return new DecimalBits(bits[3], (uint)bits[2], ((ulong)(uint)bits[1] << 32) | (uint)bits[0]);
    }

    private static bool CheckLayout()
    {
        var probe = new decimal(0x01020304, 0x05060708, 0x090A0B0C, isNegative: true, scale: 5);
        var bits = Unsafe.As<decimal, DecimalBits>(ref probe);
        return bits._flags == unchecked((int)0x80050000) && bits._high == 0x090A0B0C && bits._low == 0x0506070801020304;
    }
}
