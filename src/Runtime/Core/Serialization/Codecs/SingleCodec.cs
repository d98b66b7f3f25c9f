namespace TgeSwarm.Runtime.Serialization;

internal sealed class SingleCodec : IFieldCodec<float>
{
    public void Write(ref SwarmWriter writer, uint fieldId, float value)
    {
        writer.WriteFieldHeader(fieldId, WireType.Fixed32);
        writer.WriteFixed32(BitConverter.SingleToUInt32Bits(value));
    }

    public float Read(ref SwarmReader reader, WireType wireType) => wireType switch
    {
        WireType.Fixed32 => BitConverter.UInt32BitsToSingle(reader.ReadFixed32()),
        WireType.Null => 0f,
        _ => throw reader.Unexpected(wireType, "a fixed32"),
    };

    public float DeepCopy(float value) => value;
}
