using TgeSwarm.Runtime.Invocation;

namespace TgeSwarm.Runtime.Serialization;

/// <summary>
/// A grain reference travels as its <see cref="GrainId"/>; the reader asks its runtime for a proxy of the declared
/// interface. References are immutable, so a copy is the same reference.
/// </summary>
internal sealed class GrainInterfaceCodec<T>(CodecProvider codecs) : IFieldCodec<T>
    where T : class
{
    private readonly IFieldCodec<GrainId> _id = codecs.GetCodec<GrainId>();

    public void Write(ref SwarmWriter writer, uint fieldId, T value)
    {
        switch (value)
        {
            case null:
                writer.WriteNull(fieldId);
                break;
            case GrainReference reference:
                _id.Write(ref writer, fieldId, reference.GrainId);
                break;
            default:
                throw new SerializationException(
                    $"A {value.GetType().FullName} was passed as {typeof(T).Name}, but only grain references can be: get one from IGrainFactory.GetGrain, never pass the grain instance itself.");
        }
    }

    public T Read(ref SwarmReader reader, WireType wireType)
    {
        var id = _id.Read(ref reader, wireType);
        if (id.IsDefault)
        {
            return null!;
        }

        var runtime = codecs.References ?? throw new SerializationException(
            $"Cannot read a {typeof(T).Name} reference to {id}: this CodecProvider has no IGrainReferenceRuntime to make proxies with.");
        return (T)runtime.CreateReference(typeof(T), id);
    }

    public T DeepCopy(T value) => value;
}
