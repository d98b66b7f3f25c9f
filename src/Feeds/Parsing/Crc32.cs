using System.Buffers.Binary;

namespace TgeSwarm.Feeds.Parsing;

/// <summary>
/// CRC-32 (IEEE 802.3, reflected 0xEDB88320), the checksum Kraken and OKX compute over their book strings. Eight
/// bytes at a time through eight tables ("slicing by 8"): the byte-at-a-time loop is one dependent table load per
/// byte, which made the checksum of a book update cost more than parsing it.
/// </summary>
internal static class Crc32
{
    private const int TableSize = 256;

    // Table k maps a byte to its contribution after k further zero bytes.
    private static readonly uint[] Tables = BuildTables();

    public const uint Initial = 0xFFFFFFFF;

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

    public static uint Finish(uint crc) => crc ^ 0xFFFFFFFF;

    private static uint[] BuildTables()
    {
        var tables = new uint[8 * TableSize];
        for (uint i = 0; i < TableSize; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            tables[i] = c;
        }

        for (var slice = 1; slice < 8; slice++)
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
