namespace TgeSwarm.Runtime.Serialization;

/// <summary>A value tuple of 4: an object with the items as fields 1 to 4.</summary>
internal sealed class ValueTupleCodec<T1, T2, T3, T4>(CodecProvider codecs) : IFieldCodec<ValueTuple<T1, T2, T3, T4>>
{
    private readonly IFieldCodec<T1> _item1 = codecs.GetCodec<T1>();
    private readonly IFieldCodec<T2> _item2 = codecs.GetCodec<T2>();
    private readonly IFieldCodec<T3> _item3 = codecs.GetCodec<T3>();
    private readonly IFieldCodec<T4> _item4 = codecs.GetCodec<T4>();

    public void Write(ref SwarmWriter writer, uint fieldId, ValueTuple<T1, T2, T3, T4> value)
    {
        writer.WriteStartObject(fieldId);
        _item1.Write(ref writer, 1, value.Item1);
        _item2.Write(ref writer, 2, value.Item2);
        _item3.Write(ref writer, 3, value.Item3);
        _item4.Write(ref writer, 4, value.Item4);
        writer.WriteEndObject();
    }

    public ValueTuple<T1, T2, T3, T4> Read(ref SwarmReader reader, WireType wireType)
    {
        if (wireType != WireType.StartObject)
        {
            return wireType == WireType.Null ? default : throw reader.Unexpected(wireType, "a tuple object");
        }

        T1 item1 = default!;
        T2 item2 = default!;
        T3 item3 = default!;
        T4 item4 = default!;
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
                case 3:
                    item3 = _item3.Read(ref reader, type);
                    break;
                case 4:
                    item4 = _item4.Read(ref reader, type);
                    break;
                default:
                    reader.SkipField(type);
                    break;
            }
        }

        return new ValueTuple<T1, T2, T3, T4>(item1, item2, item3, item4);
    }

    public ValueTuple<T1, T2, T3, T4> DeepCopy(ValueTuple<T1, T2, T3, T4> value) => new(_item1.DeepCopy(value.Item1), _item2.DeepCopy(value.Item2), _item3.DeepCopy(value.Item3), _item4.DeepCopy(value.Item4));
}
