using System.Buffers.Binary;

namespace TgeSwarm.Feeds.Parsing;

/// <summary>
/// Eight ASCII digits checked and converted in a handful of 64-bit operations ("SWAR"), for the long digit runs of
/// prices, sizes and timestamps. Digit by digit, each step waits for the previous multiply; here the pairs, quads and
/// the final eight are combined with three multiplications whatever the digits.
/// </summary>
internal static class AsciiDigits
{
    private const ulong Zeros = 0x3030303030303030;

    /// <summary>The value of the eight digits starting <paramref name="text"/>; false if there are fewer or any is not a digit.</summary>
    public static bool TryReadEight(ReadOnlySpan<byte> text, out uint value)
    {
        value = 0;
        if (text.Length < 8)
        {
            return false;
        }

        var chunk = BinaryPrimitives.ReadUInt64LittleEndian(text);

        // Every byte 0x30–0x39: its high nibble is 3, and adding 6 does not carry it out of 3. A byte that fails the
        // first test fails the whole comparison, so a carry it spills into its neighbour cannot hide anything.
        if (((chunk & 0xF0F0F0F0F0F0F0F0) | (((chunk + 0x0606060606060606) & 0xF0F0F0F0F0F0F0F0) >> 4)) != 0x3333333333333333)
        {
            return false;
        }

        // The first digit is the lowest byte: fold neighbours into pairs (×10), pairs into quads (×100), quads (×10000).
        chunk -= Zeros;
        chunk = unchecked((chunk * ((10 << 8) + 1)) >> 8) & 0x00FF00FF00FF00FF;
        chunk = unchecked((chunk * ((100 << 16) + 1)) >> 16) & 0x0000FFFF0000FFFF;
        value = (uint)(unchecked(chunk * ((10000UL << 32) + 1)) >> 32);
        return true;
    }
}
