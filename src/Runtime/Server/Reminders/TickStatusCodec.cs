using TgeSwarm.Runtime.Serialization;

namespace TgeSwarm.Runtime.Reminders;

/// <summary>
/// <see cref="TickStatus"/> on the wire, written by hand because its assembly (Abstractions) has no generated code: an
/// object with field 1 the first tick time, 2 the period, 3 the current tick time and 4 the missed-tick count.
/// </summary>
internal sealed class TickStatusCodec(CodecProvider codecs) : IFieldCodec<TickStatus>
{
    public const string Alias = "sys.TickStatus";

    private readonly IFieldCodec<DateTime> _time = codecs.GetCodec<DateTime>();
    private readonly IFieldCodec<TimeSpan> _period = codecs.GetCodec<TimeSpan>();
    private readonly IFieldCodec<int> _count = codecs.GetCodec<int>();

    public void Write(ref SwarmWriter writer, uint fieldId, TickStatus value)
    {
        writer.WriteStartObject(fieldId);
        _time.Write(ref writer, 1, value.FirstTickTime);
        _period.Write(ref writer, 2, value.Period);
        _time.Write(ref writer, 3, value.CurrentTickTime);
        _count.Write(ref writer, 4, value.MissedTicks);
        writer.WriteEndObject();
    }

    public TickStatus Read(ref SwarmReader reader, WireType wireType)
    {
        if (wireType != WireType.StartObject)
        {
            return wireType == WireType.Null ? default : throw reader.Unexpected(wireType, "a TickStatus object");
        }

        DateTime first = default, current = default;
        TimeSpan period = default;
        var missed = 0;
        while (reader.TryReadMember(out var id, out var type))
        {
            switch (id)
            {
                case 1:
                    first = _time.Read(ref reader, type);
                    break;
                case 2:
                    period = _period.Read(ref reader, type);
                    break;
                case 3:
                    current = _time.Read(ref reader, type);
                    break;
                case 4:
                    missed = _count.Read(ref reader, type);
                    break;
                default:
                    reader.SkipField(type);
                    break;
            }
        }

        return new TickStatus(first, period, current) { MissedTicks = missed };
    }

    public TickStatus DeepCopy(TickStatus value) => value;
}
