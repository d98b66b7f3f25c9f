namespace TgeSwarm.Runtime.Serialization;

internal sealed class StringCodec : IFieldCodec<string>
{
    public void Write(ref SwarmWriter writer, uint fieldId, string value)
    {
        if (value is null)
        {
            writer.WriteNull(fieldId);
            return;
        }

        writer.WriteFieldHeader(fieldId, WireType.LengthPrefixed);
        writer.WriteString(value);
    }

    public string Read(ref SwarmReader reader, WireType wireType) => wireType switch
    {
        WireType.LengthPrefixed => reader.ReadString(),
        WireType.Null => null!,
        _ => throw reader.Unexpected(wireType, "a length-prefixed string"),
    };

    public string DeepCopy(string value) => value;
}
