namespace TgeSwarm.Runtime.Serialization;

internal sealed class ArrayCodec<T>(CodecProvider codecs) : IFieldCodec<T[]>
{
    private readonly IFieldCodec<T> _element = codecs.GetCodec<T>();

    public void Write(ref SwarmWriter writer, uint fieldId, T[] value)
    {
        if (value is null)
        {
            writer.WriteNull(fieldId);
            return;
        }

        CollectionFormat.WriteStart(ref writer, fieldId, value.Length);
        foreach (var item in value)
        {
            _element.Write(ref writer, CollectionFormat.ElementField, item);
        }

        writer.WriteEndObject();
    }

    public T[] Read(ref SwarmReader reader, WireType wireType)
    {
        if (wireType == WireType.Null)
        {
            return null!;
        }

        var result = new T[CollectionFormat.ReadCount(ref reader, wireType, 1)];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = _element.Read(ref reader, CollectionFormat.ReadElementHeader(ref reader, CollectionFormat.ElementField));
        }

        CollectionFormat.ReadEnd(ref reader);
        return result;
    }

    public T[] DeepCopy(T[] value)
    {
        if (value is null)
        {
            return null!;
        }

        var copy = new T[value.Length];
        for (var i = 0; i < value.Length; i++)
        {
            copy[i] = _element.DeepCopy(value[i]);
        }

        return copy;
    }
}
