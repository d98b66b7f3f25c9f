namespace TgeSwarm.Runtime.Serialization;

/// <summary>An object: field 1 the key, field 2 the value.</summary>
internal sealed class KeyValuePairCodec<TKey, TValue>(CodecProvider codecs) : IFieldCodec<KeyValuePair<TKey, TValue>>
{
    private readonly IFieldCodec<TKey> _key = codecs.GetCodec<TKey>();
    private readonly IFieldCodec<TValue> _value = codecs.GetCodec<TValue>();

    public void Write(ref SwarmWriter writer, uint fieldId, KeyValuePair<TKey, TValue> value)
    {
        writer.WriteStartObject(fieldId);
        _key.Write(ref writer, 1, value.Key);
        _value.Write(ref writer, 2, value.Value);
        writer.WriteEndObject();
    }

    public KeyValuePair<TKey, TValue> Read(ref SwarmReader reader, WireType wireType)
    {
        if (wireType != WireType.StartObject)
        {
            return wireType == WireType.Null ? default : throw reader.Unexpected(wireType, "a key-value object");
        }

        TKey key = default!;
        TValue value = default!;
        while (reader.TryReadMember(out var id, out var type))
        {
            switch (id)
            {
                case 1:
                    key = _key.Read(ref reader, type);
                    break;
                case 2:
                    value = _value.Read(ref reader, type);
                    break;
                default:
                    reader.SkipField(type);
                    break;
            }
        }

        return new KeyValuePair<TKey, TValue>(key, value);
    }

    public KeyValuePair<TKey, TValue> DeepCopy(KeyValuePair<TKey, TValue> value) =>
        new(_key.DeepCopy(value.Key), _value.DeepCopy(value.Value));
}
