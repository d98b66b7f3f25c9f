namespace TgeSwarm.Runtime.Serialization;

/// <summary>
/// <c>Dictionary&lt;K,V&gt;</c>, <c>IDictionary</c>, <c>IReadOnlyDictionary</c>: count, then key (field 1) and
/// value (field 2) per entry. Read back as a Dictionary with the default comparer; a custom comparer is not sent.
/// </summary>
internal sealed class DictionaryCodec<TDictionary, TKey, TValue>(CodecProvider codecs) : IFieldCodec<TDictionary>
    where TDictionary : class, IEnumerable<KeyValuePair<TKey, TValue>>
    where TKey : notnull
{
    private readonly IFieldCodec<TKey> _key = codecs.GetCodec<TKey>();
    private readonly IFieldCodec<TValue> _value = codecs.GetCodec<TValue>();

    public void Write(ref SwarmWriter writer, uint fieldId, TDictionary value)
    {
        if (value is null)
        {
            writer.WriteNull(fieldId);
            return;
        }

        if (value is Dictionary<TKey, TValue> dictionary)
        {
            // The struct enumerator of the concrete type: no allocation.
            CollectionFormat.WriteStart(ref writer, fieldId, dictionary.Count);
            foreach (var pair in dictionary)
            {
                WriteEntry(ref writer, pair);
            }
        }
        else
        {
            var pairs = value as IReadOnlyCollection<KeyValuePair<TKey, TValue>> ?? [.. value];
            CollectionFormat.WriteStart(ref writer, fieldId, pairs.Count);
            foreach (var pair in pairs)
            {
                WriteEntry(ref writer, pair);
            }
        }

        writer.WriteEndObject();
    }

    public TDictionary Read(ref SwarmReader reader, WireType wireType)
    {
        if (wireType == WireType.Null)
        {
            return null!;
        }

        var count = CollectionFormat.ReadCount(ref reader, wireType, 2);
        var result = new Dictionary<TKey, TValue>(count);
        for (var i = 0; i < count; i++)
        {
            var key = _key.Read(ref reader, CollectionFormat.ReadElementHeader(ref reader, CollectionFormat.ElementField));
            var value = _value.Read(ref reader, CollectionFormat.ReadElementHeader(ref reader, CollectionFormat.ValueField));
            if (key is null || !result.TryAdd(key, value))
            {
                throw reader.Malformed("a dictionary has a null or repeated key");
            }
        }

        CollectionFormat.ReadEnd(ref reader);
        return (TDictionary)(object)result;
    }

    public TDictionary DeepCopy(TDictionary value)
    {
        if (value is null)
        {
            return null!;
        }

        var copy = new Dictionary<TKey, TValue>();
        foreach (var pair in value)
        {
            copy[_key.DeepCopy(pair.Key)] = _value.DeepCopy(pair.Value);
        }

        return (TDictionary)(object)copy;
    }

    private void WriteEntry(ref SwarmWriter writer, KeyValuePair<TKey, TValue> pair)
    {
        _key.Write(ref writer, CollectionFormat.ElementField, pair.Key);
        _value.Write(ref writer, CollectionFormat.ValueField, pair.Value);
    }
}
