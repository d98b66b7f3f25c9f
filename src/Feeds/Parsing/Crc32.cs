using System.Buffers.Binary;

namespace TgeSwarm.Feeds.Parsing;

/// <summary>
/// CRC-32 (IEEE 802.3, reflected 0xEDB88320), the checksum Kraken and OKX compute over their book strings.
/// <para>
/// Table k maps a byte to its contribution to the register after k further zero bytes. Tables 0–7 process eight
/// bytes at a time ("slicing by 8"; the byte-at-a-time loop is one dependent load per byte). All of them together
/// also move a register across up to <see cref="MaxCombinedLength"/> bytes in four loads: the register update is
/// linear, so the register after a text equals the register shifted across the text's length xor the text's own CRC
/// from a zero register (<see cref="Combine"/>). A book checksum keeps each level's own CRC and length and so hashes
/// a level in four loads instead of formatting and hashing its text.
/// </para>
/// </summary>
internal static class Crc32
{
    public const uint Initial = 0xFFFFFFFF;

    /// <summary>Longest text <see cref="Combine"/> accepts.</summary>
    public const int MaxCombinedLength = 64;

    private const int TableSize = 256;

    private static readonly uint[] Tables = BuildTables();

    public static uint Append(uint crc, ReadOnlySpan<byte> bytes)
    {
        var tables = Tables.AsSpan();
        while (bytes.Length >= 8)
        {
            var low = BinaryPrimitives.ReadUInt32LittleEndian(bytes) ^ crc;
            var high = BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]);
            crc = tables[(7 * TableSize) + (int)(low & 0xFF)]
                ^ tables[(6 * TableSize) + (int)((low >> 8) & 0xFF)]
                ^ tables[(5 * TableSize) + (int)((low >> 16) & 0xFF)]
                ^ tables[(4 * TableSize) + (int)(low >> 24)]
                ^ tables[(3 * TableSize) + (int)(high & 0xFF)]
                ^ tables[(2 * TableSize) + (int)((high >> 8) & 0xFF)]
                ^ tables[TableSize + (int)((high >> 16) & 0xFF)]
                ^ tables[(int)(high >> 24)];
            bytes = bytes[8..];
        }

        foreach (var b in bytes)
        {
            crc = tables[(int)((crc ^ b) & 0xFF)] ^ (crc >> 8);
        }

        return crc;
    }

    /// <summary>
    /// The register after a text of <paramref name="length"/> bytes (at most <see cref="MaxCombinedLength"/>) whose
    /// own register from zero is <paramref name="textCrc"/> (<c>Append(0, text)</c>): equals <c>Append(crc, text)</c>.
    /// </summary>
    public static uint Combine(uint crc, uint textCrc, int length)
    {
        var tables = Tables.AsSpan();
        if (length < 4)
        {
            for (var i = 0; i < length; i++)
            {
                crc = tables[(int)(crc & 0xFF)] ^ (crc >> 8);
            }

            return crc ^ textCrc;
        }

        return tables[((length - 1) * TableSize) + (int)(crc & 0xFF)]
            ^ tables[((length - 2) * TableSize) + (int)((crc >> 8) & 0xFF)]
            ^ tables[((length - 3) * TableSize) + (int)((crc >> 16) & 0xFF)]
            ^ tables[((length - 4) * TableSize) + (int)(crc >> 24)]
            ^ textCrc;
    }

    public static uint Finish(uint crc) => crc ^ 0xFFFFFFFF;

    private static uint[] BuildTables()
    {
        var tables = new uint[MaxCombinedLength * TableSize];
        for (uint i = 0; i < TableSize; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            tables[i] = c;
        }

        for (var slice = 1; slice < MaxCombinedLength; slice++)
        {
            for (var i = 0; i < TableSize; i++)
            {
                var previous = tables[((slice - 1) * TableSize) + i];
                tables[(slice * TableSize) + i] = (previous >> 8) ^ tables[(int)(previous & 0xFF)];
            }
        }

        return tables;
    }
}
