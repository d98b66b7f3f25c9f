namespace TgeSwarm.Runtime.Serialization;

internal sealed class BoolCodec : IFieldCodec<bool>
{
    public void Write(ref SwarmWriter writer, uint fieldId, bool value)
    {
        writer.WriteFieldHeader(fieldId, WireType.VarInt);
        writer.WriteVarUInt32(value ? 1u : 0u);
    }

    public bool Read(ref SwarmReader reader, WireType wireType) => wireType switch
    {
        WireType.VarInt => reader.ReadVarUInt64() != 0,
        WireType.Null => false,
        _ => throw reader.Unexpected(wireType, "a varint"),
    };

    public bool DeepCopy(bool value) => value;
}
