namespace TgeSwarm.Runtime.Serialization;

/// <summary>A value tuple of 2: an object with the items as fields 1 to 2.</summary>
internal sealed class ValueTupleCodec<T1, T2>(CodecProvider codecs) : IFieldCodec<ValueTuple<T1, T2>>
{
    private readonly IFieldCodec<T1> _item1 = codecs.GetCodec<T1>();
    private readonly IFieldCodec<T2> _item2 = codecs.GetCodec<T2>();

    public void Write(ref SwarmWriter writer, uint fieldId, ValueTuple<T1, T2> value)
    {
        writer.WriteStartObject(fieldId);
        _item1.Write(ref writer, 1, value.Item1);
        _item2.Write(ref writer, 2, value.Item2);
        writer.WriteEndObject();
    }

    public ValueTuple<T1, T2> Read(ref SwarmReader reader, WireType wireType)
    {
        if (wireType != WireType.StartObject)
        {
            return wireType == WireType.Null ? default : throw reader.Unexpected(wireType, "a tuple object");
        }

        T1 item1 = default!;
        T2 item2 = default!;
        while (reader.TryReadMember(out var id, out var type))
        {
            switch (id)
            {
                case 1:
                    item1 = _item1.Read(ref reader, type);
                    break;
                case 2:
                    item2 = _item2.Read(ref reader, type);
                    break;
                default:
                    reader.SkipField(type);
                    break;
            }
        }

        return new ValueTuple<T1, T2>(item1, item2);
    }

    public ValueTuple<T1, T2> DeepCopy(ValueTuple<T1, T2> value) => new(_item1.DeepCopy(value.Item1), _item2.DeepCopy(value.Item2));
}
