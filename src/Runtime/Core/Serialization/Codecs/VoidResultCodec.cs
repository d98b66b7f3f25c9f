using TgeSwarm.Runtime.Invocation;

namespace TgeSwarm.Runtime.Serialization;

/// <summary>Nothing but a null header: a <c>Task</c> method's reply carries no value.</summary>
internal sealed class VoidResultCodec : IFieldCodec<VoidResult>
{
    public void Write(ref SwarmWriter writer, uint fieldId, VoidResult value) => writer.WriteNull(fieldId);

    public VoidResult Read(ref SwarmReader reader, WireType wireType)
    {
        reader.SkipField(wireType);
        return default;
    }

    public VoidResult DeepCopy(VoidResult value) => value;
}
