namespace TgeSwarm.Runtime.Serialization;

/// <summary>Null as a null header, a value as <typeparamref name="T"/> writes it: a member may move between T and T? freely.</summary>
internal sealed class NullableCodec<T>(CodecProvider codecs) : IFieldCodec<T?>
    where T : struct
{
    private readonly IFieldCodec<T> _value = codecs.GetCodec<T>();

    public void Write(ref SwarmWriter writer, uint fieldId, T? value)
    {
        if (value is { } present)
        {
            _value.Write(ref writer, fieldId, present);
        }
        else
        {
            writer.WriteNull(fieldId);
        }
    }

    public T? Read(ref SwarmReader reader, WireType wireType) =>
        wireType == WireType.Null ? null : _value.Read(ref reader, wireType);

    public T? DeepCopy(T? value) => value is { } present ? _value.DeepCopy(present) : null;
}
