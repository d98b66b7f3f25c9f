using System.Buffers.Binary;
using System.Numerics;

namespace TgeSwarm.Feeds.Parsing;

/// <summary>
/// Runs of up to eight ASCII digits found and converted in a handful of 64-bit operations ("SWAR"), for the digit
/// runs of prices, sizes and timestamps. Digit by digit, each step waits for the previous multiply; here the digits
/// are folded into pairs, quads and eights with three multiplications whatever their number.
/// </summary>
internal static class AsciiDigits
{
    private const ulong Zeros = 0x3030303030303030;

    /// <summary>Powers of ten up to 10^19, for appending a run of digits to a value.</summary>
    public static ReadOnlySpan<ulong> PowersOfTen =>
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000, 100_000_000_000,
        1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000, 10_000_000_000_000_000,
        100_000_000_000_000_000, 1_000_000_000_000_000_000, 10_000_000_000_000_000_000,
    ];

    /// <summary>Whether the eight bytes of <paramref name="chunk"/> (read little-endian) are all ASCII digits.</summary>
    public static bool AreDigits(ulong chunk)
    {
        // Every byte 0x30–0x39: its high nibble is 3, and adding 6 does not carry it out of 3. A byte that fails the
        // first test fails the whole comparison, so a carry it spills into its neighbour cannot hide anything.
        return ((chunk & 0xF0F0F0F0F0F0F0F0) | (((chunk + 0x0606060606060606) & 0xF0F0F0F0F0F0F0F0) >> 4)) == 0x3333333333333333;
    }

    /// <summary>The value of the eight digits starting <paramref name="text"/>; false if there are fewer or any is not a digit.</summary>
    public static bool TryReadEight(ReadOnlySpan<byte> text, out uint value)
    {
        if (text.Length >= 8 && ReadUpToEight(text, out value) == 8)
        {
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>
    /// The number of digits (0 to 8) at the start of <paramref name="text"/>, which must hold at least eight bytes,
    /// and their value.
    /// </summary>
    public static int ReadUpToEight(ReadOnlySpan<byte> text, out uint value)
    {
        // XOR (no carries between bytes) maps '0'–'9' to 0–9 and every other byte above 9. A byte above 9 gets bit 7
        // from adding 0x76 or had it already; a carry out of a byte only reaches bytes after the first non-digit.
        var digits = BinaryPrimitives.ReadUInt64LittleEndian(text) ^ Zeros;
        var nonDigits = ((digits + 0x7676767676767676) | digits) & 0x8080808080808080;
        var count = BitOperations.TrailingZeroCount(nonDigits) >> 3;
        if (count == 0)
        {
            value = 0;
            return 0;
        }

        // The digits move to the top bytes with zero digits below them: the same number, written with eight digits.
        // The first digit is then the lowest byte: fold neighbours into pairs (×10), pairs into quads (×100), quads (×10000).
        digits <<= 8 * (8 - count);
        digits = unchecked((digits * ((10 << 8) + 1)) >> 8) & 0x00FF00FF00FF00FF;
        digits = unchecked((digits * ((100 << 16) + 1)) >> 16) & 0x0000FFFF0000FFFF;
        value = (uint)(unchecked(digits * ((10000UL << 32) + 1)) >> 32);
        return count;
    }
}
