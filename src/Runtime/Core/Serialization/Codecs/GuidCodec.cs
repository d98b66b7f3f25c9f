namespace TgeSwarm.Runtime.Serialization;

/// <summary>Sixteen length-prefixed bytes in <see cref="Guid.TryWriteBytes(Span{byte})"/> order.</summary>
internal sealed class GuidCodec : IFieldCodec<Guid>
{
    public void Write(ref SwarmWriter writer, uint fieldId, Guid value)
    {
        writer.WriteFieldHeader(fieldId, WireType.LengthPrefixed);
        writer.WriteVarUInt32(16);
        value.TryWriteBytes(writer.WriteSpan(16));
    }

    public Guid Read(ref SwarmReader reader, WireType wireType)
    {
        if (wireType == WireType.Null)
        {
            return Guid.Empty;
        }

        if (wireType != WireType.LengthPrefixed)
        {
            throw reader.Unexpected(wireType, "a length-prefixed Guid");
        }

        var span = reader.ReadLengthPrefixed();
        return span.Length == 16 ? new Guid(span) : throw reader.Malformed($"a Guid has {span.Length} bytes instead of 16");
    }

    public Guid DeepCopy(Guid value) => value;
}
