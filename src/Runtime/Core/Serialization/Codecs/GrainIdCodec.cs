namespace TgeSwarm.Runtime.Serialization;

/// <summary>An object: field 1 the grain type, field 2 the key. The default id is written as null.</summary>
internal sealed class GrainIdCodec : IFieldCodec<GrainId>
{
    public void Write(ref SwarmWriter writer, uint fieldId, GrainId value)
    {
        if (value.IsDefault)
        {
            writer.WriteNull(fieldId);
            return;
        }

        writer.WriteStartObject(fieldId);
        writer.WriteFieldHeader(1, WireType.LengthPrefixed);
        writer.WriteString(value.Type);
        writer.WriteFieldHeader(2, WireType.LengthPrefixed);
        writer.WriteString(value.Key);
        writer.WriteEndObject();
    }

    public GrainId Read(ref SwarmReader reader, WireType wireType)
    {
        if (wireType == WireType.Null)
        {
            return default;
        }

        if (wireType != WireType.StartObject)
        {
            throw reader.Unexpected(wireType, "a GrainId object");
        }

        string? type = null;
        string? key = null;
        while (reader.TryReadMember(out var id, out var fieldType))
        {
            switch (id)
            {
                case 1 when fieldType == WireType.LengthPrefixed:
                    type = reader.ReadString();
                    break;
                case 2 when fieldType == WireType.LengthPrefixed:
                    key = reader.ReadString();
                    break;
                default:
                    reader.SkipField(fieldType);
                    break;
            }
        }

        if (string.IsNullOrEmpty(type) || key is null || type.Contains('/', StringComparison.Ordinal))
        {
            throw reader.Malformed("a GrainId lacks a valid type or key");
        }

        return new GrainId(type, key);
    }

    public GrainId DeepCopy(GrainId value) => value;
}
