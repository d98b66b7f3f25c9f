namespace TgeSwarm.Runtime.Serialization;

/// <summary>
/// Writes, reads and deep-copies values of <typeparamref name="T"/>. Generated for every <c>[GenerateSerializer]</c>
/// type and built in for the framework types; obtained from <see cref="CodecProvider.GetCodec{T}"/>.
/// </summary>
public interface IFieldCodec<T> : IFieldCodec
{
    /// <summary>
    /// Writes the field header (<paramref name="fieldId"/> and a wire type) and the value. Always writes something,
    /// a <see cref="WireType.Null"/> header for null, so collection elements keep their positions.
    /// </summary>
    void Write(ref SwarmWriter writer, uint fieldId, T value);

    /// <summary>Reads a value whose header (of type <paramref name="wireType"/>) was just read.</summary>
    T Read(ref SwarmReader reader, WireType wireType);

    /// <summary>A copy sharing no mutable state with <paramref name="value"/>.</summary>
    T DeepCopy(T value);

    void IFieldCodec.WriteObject(ref SwarmWriter writer, uint fieldId, object? value) => Write(ref writer, fieldId, (T)value!);

    object? IFieldCodec.ReadObject(ref SwarmReader reader, WireType wireType) => Read(ref reader, wireType);

    object? IFieldCodec.DeepCopyObject(object? value) => DeepCopy((T)value!);
}
