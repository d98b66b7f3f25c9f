namespace TgeSwarm.Runtime.Serialization;

/// <summary><c>HashSet&lt;T&gt;</c>, <c>ISet&lt;T&gt;</c>, <c>IReadOnlySet&lt;T&gt;</c>: the sequence layout, read back as a HashSet with the default comparer.</summary>
internal sealed class HashSetCodec<TCollection, T>(CodecProvider codecs) : IFieldCodec<TCollection>
    where TCollection : class, IEnumerable<T>
{
    private readonly IFieldCodec<T> _element = codecs.GetCodec<T>();

    public void Write(ref SwarmWriter writer, uint fieldId, TCollection value)
    {
        if (value is null)
        {
            writer.WriteNull(fieldId);
            return;
        }

        var items = value as IReadOnlyCollection<T> ?? [.. value];
        CollectionFormat.WriteStart(ref writer, fieldId, items.Count);
        foreach (var item in items)
        {
            _element.Write(ref writer, CollectionFormat.ElementField, item);
        }

        writer.WriteEndObject();
    }

    public TCollection Read(ref SwarmReader reader, WireType wireType)
    {
        if (wireType == WireType.Null)
        {
            return null!;
        }

        var count = CollectionFormat.ReadCount(ref reader, wireType, 1);
        var result = new HashSet<T>(count);
        for (var i = 0; i < count; i++)
        {
            result.Add(_element.Read(ref reader, CollectionFormat.ReadElementHeader(ref reader, CollectionFormat.ElementField)));
        }

        CollectionFormat.ReadEnd(ref reader);
        return (TCollection)(object)result;
    }

    public TCollection DeepCopy(TCollection value)
    {
        if (value is null)
        {
            return null!;
        }

        var copy = new HashSet<T>();
        foreach (var item in value)
        {
            copy.Add(_element.DeepCopy(item));
        }

        return (TCollection)(object)copy;
    }
}
