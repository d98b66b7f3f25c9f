namespace TgeSwarm.Runtime.Serialization;

/// <summary>A field declared <c>object</c>: always the typed form, since the declared type says nothing.</summary>
internal sealed class ObjectCodec(CodecProvider codecs) : IFieldCodec<object>
{
    public void Write(ref SwarmWriter writer, uint fieldId, object value)
    {
        if (value is null)
        {
            writer.WriteNull(fieldId);
            return;
        }

        codecs.WriteTyped(ref writer, fieldId, value);
    }

    public object Read(ref SwarmReader reader, WireType wireType) => wireType switch
    {
        WireType.TypedObject => codecs.ReadTyped(ref reader)!,
        WireType.Null => null!,
        _ => throw reader.Unexpected(wireType, "a typed object"),
    };

    public object DeepCopy(object value) => value is null ? null! : codecs.GetCodec(value.GetType()).DeepCopyObject(value)!;
}
