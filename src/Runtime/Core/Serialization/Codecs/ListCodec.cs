using System.Runtime.InteropServices;

namespace TgeSwarm.Runtime.Serialization;

/// <summary>
/// <c>List&lt;T&gt;</c> and the sequence interfaces (<c>IList</c>, <c>IReadOnlyList</c>, <c>ICollection</c>,
/// <c>IReadOnlyCollection</c>, <c>IEnumerable</c>): any implementation is written, a <c>List&lt;T&gt;</c> is read back.
/// Lists and arrays are walked as spans, so writing them allocates nothing.
/// </summary>
internal sealed class ListCodec<TCollection, T>(CodecProvider codecs) : IFieldCodec<TCollection>
    where TCollection : class, IEnumerable<T>
{
    private readonly IFieldCodec<T> _element = codecs.GetCodec<T>();

    public void Write(ref SwarmWriter writer, uint fieldId, TCollection value)
    {
        switch (value)
        {
            case null:
                writer.WriteNull(fieldId);
                return;
            case List<T> list:
                WriteSpan(ref writer, fieldId, CollectionsMarshal.AsSpan(list));
                return;
            case T[] array:
                WriteSpan(ref writer, fieldId, array);
                return;
            default:
                var items = value as ICollection<T> ?? (ICollection<T>)[.. value];
                CollectionFormat.WriteStart(ref writer, fieldId, items.Count);
                foreach (var item in items)
                {
                    _element.Write(ref writer, CollectionFormat.ElementField, item);
                }

                writer.WriteEndObject();
                return;
        }
    }

    public TCollection Read(ref SwarmReader reader, WireType wireType)
    {
        if (wireType == WireType.Null)
        {
            return null!;
        }

        var count = CollectionFormat.ReadCount(ref reader, wireType, 1);
        var result = new List<T>(count);
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

        var copy = value is IReadOnlyCollection<T> sized ? new List<T>(sized.Count) : [];
        foreach (var item in value)
        {
            copy.Add(_element.DeepCopy(item));
        }

        return (TCollection)(object)copy;
    }

    private void WriteSpan(ref SwarmWriter writer, uint fieldId, ReadOnlySpan<T> items)
    {
        CollectionFormat.WriteStart(ref writer, fieldId, items.Length);
        foreach (var item in items)
        {
            _element.Write(ref writer, CollectionFormat.ElementField, item);
        }

        writer.WriteEndObject();
    }
}
