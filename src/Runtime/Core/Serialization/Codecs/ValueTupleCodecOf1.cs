namespace TgeSwarm.Runtime.Serialization;

/// <summary>A value tuple of 1: an object with the items as fields 1 to 1.</summary>
internal sealed class ValueTupleCodec<T1>(CodecProvider codecs) : IFieldCodec<ValueTuple<T1>>
{
    private readonly IFieldCodec<T1> _item1 = codecs.GetCodec<T1>();

    public void Write(ref SwarmWriter writer, uint fieldId, ValueTuple<T1> value)
    {
        writer.WriteStartObject(fieldId);
        _item1.Write(ref writer, 1, value.Item1);
        writer.WriteEndObject();
    }

    public ValueTuple<T1> Read(ref SwarmReader reader, WireType wireType)
    {
        if (wireType != WireType.StartObject)
        {
            return wireType == WireType.Null ? default : throw reader.Unexpected(wireType, "a tuple object");
        }

        T1 item1 = default!;
        while (reader.TryReadMember(out var id, out var type))
        {
            switch (id)
            {
                case 1:
                    item1 = _item1.Read(ref reader, type);
                    break;
                default:
                    reader.SkipField(type);
                    break;
            }
        }

        return new ValueTuple<T1>(item1);
    }

    public ValueTuple<T1> DeepCopy(ValueTuple<T1> value) => new(_item1.DeepCopy(value.Item1));
}
