namespace TgeSwarm.Runtime.Serialization;

internal sealed class ByteArrayCodec : IFieldCodec<byte[]>
{
    public void Write(ref SwarmWriter writer, uint fieldId, byte[] value)
    {
        if (value is null)
        {
            writer.WriteNull(fieldId);
            return;
        }

        writer.WriteFieldHeader(fieldId, WireType.LengthPrefixed);
        writer.WriteBytes(value);
    }

    public byte[] Read(ref SwarmReader reader, WireType wireType) => wireType switch
    {
        WireType.LengthPrefixed => reader.ReadLengthPrefixed().ToArray(),
        WireType.Null => null!,
        _ => throw reader.Unexpected(wireType, "length-prefixed bytes"),
    };

    public byte[] DeepCopy(byte[] value) => value is null ? null! : (byte[])value.Clone();
}
