namespace TgeSwarm.Runtime.Serialization;

/// <summary>
/// Wraps the codec of a type that can be derived from (or of an abstract type or interface, which has none): a value
/// of exactly <typeparamref name="T"/> takes the compact form, any other the typed form with its runtime type's alias.
/// </summary>
internal sealed class PolymorphicCodec<T>(CodecProvider codecs, IFieldCodec? exact) : IFieldCodec<T>
    where T : class
{
    private readonly IFieldCodec<T>? _exact = (IFieldCodec<T>?)exact;

    public void Write(ref SwarmWriter writer, uint fieldId, T value)
    {
        if (value is null)
        {
            writer.WriteNull(fieldId);
        }
        else if (_exact is not null && value.GetType() == typeof(T))
        {
            _exact.Write(ref writer, fieldId, value);
        }
        else
        {
            codecs.WriteTyped(ref writer, fieldId, value);
        }
    }

    public T Read(ref SwarmReader reader, WireType wireType)
    {
        switch (wireType)
        {
            case WireType.Null:
                return null!;
            case WireType.TypedObject:
                var value = codecs.ReadTyped(ref reader);
                return value as T ?? throw reader.Malformed($"a {value?.GetType().FullName ?? "null"} arrived where a {typeof(T).FullName} was declared");
            default:
                return _exact is not null
                    ? _exact.Read(ref reader, wireType)
                    : throw reader.Unexpected(wireType, $"a typed object for {typeof(T).FullName}");
        }
    }

    public T DeepCopy(T value) =>
        value is null ? null!
        : _exact is not null && value.GetType() == typeof(T) ? _exact.DeepCopy(value)
        : (T)codecs.GetCodec(value.GetType()).DeepCopyObject(value)!;
}
