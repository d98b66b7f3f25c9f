using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace TgeSwarm.Runtime.Serialization;

/// <summary>The four 32-bit words of <see cref="decimal.GetBits(decimal)"/>, little-endian, as 16 length-prefixed bytes.</summary>
internal sealed class DecimalCodec : IFieldCodec<decimal>
{
    private const int Length = 16;

    public void Write(ref SwarmWriter writer, uint fieldId, decimal value)
    {
        writer.WriteFieldHeader(fieldId, WireType.LengthPrefixed);

        // The length (16) is a one-byte varint, so it goes out with the words in one reservation.
        var span = writer.WriteSpan(1 + Length);
        span[0] = Length;
        var words = span[1..];
        if (BitConverter.IsLittleEndian)
        {
            decimal.GetBits(value, MemoryMarshal.Cast<byte, int>(words));
            return;
        }

        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        for (var i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(words[(i * 4)..], bits[i]);
        }
    }

    public decimal Read(ref SwarmReader reader, WireType wireType)
    {
        if (wireType == WireType.Null)
        {
            return 0m;
        }

        if (wireType != WireType.LengthPrefixed)
        {
            throw reader.Unexpected(wireType, "a length-prefixed decimal");
        }

        var span = reader.ReadLengthPrefixed();
        if (span.Length != Length)
        {
            throw reader.Malformed($"a decimal has {span.Length} bytes instead of 16");
        }

        try
        {
            return BitConverter.IsLittleEndian ? new decimal(MemoryMarshal.Cast<byte, int>(span)) : FromBigEndianHost(span);
        }
        catch (ArgumentException ex)
        {
            throw new SerializationException("Malformed input: the bytes of a decimal are not a valid decimal.", ex);
        }
    }

    public decimal DeepCopy(decimal value) => value;

    private static decimal FromBigEndianHost(ReadOnlySpan<byte> span)
    {
        Span<int> bits = stackalloc int[4];
        for (var i = 0; i < 4; i++)
        {
            bits[i] = BinaryPrimitives.ReadInt32LittleEndian(span[(i * 4)..]);
        }

        return new decimal(bits);
    }
}
