namespace TgeSwarm.Runtime.Serialization;

/// <summary>
/// The untyped face of every <see cref="IFieldCodec{T}"/>, used where the type is only known at run time
/// (polymorphic values, <c>object</c> fields). <see cref="IFieldCodec{T}"/> implements it, so codecs never do.
/// </summary>
public interface IFieldCodec
{
    void WriteObject(ref SwarmWriter writer, uint fieldId, object? value);

    object? ReadObject(ref SwarmReader reader, WireType wireType);

    object? DeepCopyObject(object? value);
}
