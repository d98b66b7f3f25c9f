namespace TgeSwarm.Runtime.Serialization;

internal sealed class TimeSpanCodec : IFieldCodec<TimeSpan>
{
    public void Write(ref SwarmWriter writer, uint fieldId, TimeSpan value)
    {
        writer.WriteFieldHeader(fieldId, WireType.VarInt);
        writer.WriteVarInt64(value.Ticks);
    }

    public TimeSpan Read(ref SwarmReader reader, WireType wireType) => wireType switch
    {
        WireType.VarInt => new TimeSpan(reader.ReadVarInt64()),
        WireType.Null => default,
        _ => throw reader.Unexpected(wireType, "a varint TimeSpan"),
    };

    public TimeSpan DeepCopy(TimeSpan value) => value;
}
