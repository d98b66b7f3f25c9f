namespace TgeSwarm.Runtime.Serialization;

/// <summary>An object: field 1 the clock ticks (fixed64), field 2 the offset in minutes (varint).</summary>
internal sealed class DateTimeOffsetCodec : IFieldCodec<DateTimeOffset>
{
    public void Write(ref SwarmWriter writer, uint fieldId, DateTimeOffset value)
    {
        writer.WriteStartObject(fieldId);
        writer.WriteFieldHeader(1, WireType.Fixed64);
        writer.WriteFixed64((ulong)value.Ticks);
        writer.WriteFieldHeader(2, WireType.VarInt);
        writer.WriteVarInt32((int)value.Offset.TotalMinutes);
        writer.WriteEndObject();
    }

    public DateTimeOffset Read(ref SwarmReader reader, WireType wireType)
    {
        if (wireType == WireType.Null)
        {
            return default;
        }

        if (wireType != WireType.StartObject)
        {
            throw reader.Unexpected(wireType, "a DateTimeOffset object");
        }

        long ticks = 0;
        var minutes = 0;
        while (reader.TryReadMember(out var id, out var type))
        {
            switch (id)
            {
                case 1 when type == WireType.Fixed64:
                    ticks = (long)reader.ReadFixed64();
                    break;
                case 2 when type == WireType.VarInt:
                    minutes = reader.ReadVarInt32();
                    break;
                default:
                    reader.SkipField(type);
                    break;
            }
        }

        try
        {
            return new DateTimeOffset(ticks, TimeSpan.FromMinutes(minutes));
        }
        catch (ArgumentException ex)
        {
            throw new SerializationException("Malformed input: a DateTimeOffset is out of range.", ex);
        }
    }

    public DateTimeOffset DeepCopy(DateTimeOffset value) => value;
}
