namespace TgeSwarm.Runtime.Serialization;

/// <summary>A double; a float written by an older version is widened.</summary>
internal sealed class DoubleCodec : IFieldCodec<double>
{
    public void Write(ref SwarmWriter writer, uint fieldId, double value)
    {
        writer.WriteFieldHeader(fieldId, WireType.Fixed64);
        writer.WriteFixed64(BitConverter.DoubleToUInt64Bits(value));
    }

    public double Read(ref SwarmReader reader, WireType wireType) => wireType switch
    {
        WireType.Fixed64 => BitConverter.UInt64BitsToDouble(reader.ReadFixed64()),
        WireType.Fixed32 => BitConverter.UInt32BitsToSingle(reader.ReadFixed32()),
        WireType.Null => 0d,
        _ => throw reader.Unexpected(wireType, "a fixed64"),
    };

    public double DeepCopy(double value) => value;
}
