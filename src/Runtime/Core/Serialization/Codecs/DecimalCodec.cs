using System.Buffers.Binary;

namespace TgeSwarm.Runtime.Serialization;

/// <summary>The four 32-bit words of <see cref="decimal.GetBits(decimal)"/>, little-endian, as 16 length-prefixed bytes.</summary>
internal sealed class DecimalCodec : IFieldCodec<decimal>
{
    public void Write(ref SwarmWriter writer, uint fieldId, decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        writer.WriteFieldHeader(fieldId, WireType.LengthPrefixed);
        writer.WriteVarUInt32(16);
        var span = writer.WriteSpan(16);
        for (var i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span[(i * 4)..], bits[i]);
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
        if (span.Length != 16)
        {
            throw reader.Malformed($"a decimal has {span.Length} bytes instead of 16");
        }

        Span<int> bits = stackalloc int[4];
        for (var i = 0; i < 4; i++)
        {
            bits[i] = BinaryPrimitives.ReadInt32LittleEndian(span[(i * 4)..]);
        }

        try
        {
            return new decimal(bits);
        }
        catch (ArgumentException ex)
        {
            throw new SerializationException("Malformed input: the bytes of a decimal are not a valid decimal.", ex);
        }
    }

    public decimal DeepCopy(decimal value) => value;
}
