namespace TgeSwarm.Runtime.Serialization;

/// <summary>Ticks in the low 62 bits and the <see cref="DateTimeKind"/> in the top two, as a fixed64: exact, no time-zone arithmetic.</summary>
internal sealed class DateTimeCodec : IFieldCodec<DateTime>
{
    private const ulong TicksMask = (1UL << 62) - 1;

    public void Write(ref SwarmWriter writer, uint fieldId, DateTime value)
    {
        writer.WriteFieldHeader(fieldId, WireType.Fixed64);
        writer.WriteFixed64((ulong)value.Ticks | ((ulong)value.Kind << 62));
    }

    public DateTime Read(ref SwarmReader reader, WireType wireType)
    {
        if (wireType == WireType.Null)
        {
            return default;
        }

        if (wireType != WireType.Fixed64)
        {
            throw reader.Unexpected(wireType, "a fixed64 DateTime");
        }

        var raw = reader.ReadFixed64();
        var ticks = (long)(raw & TicksMask);
        var kind = (DateTimeKind)(raw >> 62);
        return ticks <= DateTime.MaxValue.Ticks && kind <= DateTimeKind.Local
            ? new DateTime(ticks, kind)
            : throw reader.Malformed("a DateTime is out of range");
    }

    public DateTime DeepCopy(DateTime value) => value;
}
