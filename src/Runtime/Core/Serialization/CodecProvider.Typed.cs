namespace TgeSwarm.Runtime.Serialization;

public sealed partial class CodecProvider
{
    /// <summary>
    /// Writes <paramref name="value"/> in the typed form: header <see cref="WireType.TypedObject"/>, the alias of its
    /// runtime type, the value as field 0, end marker. Used when the declared type does not tell the reader which
    /// type to build.
    /// </summary>
    public void WriteTyped(ref SwarmWriter writer, uint fieldId, object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var type = value.GetType();
        var codec = GetCodec(type);
        writer.WriteFieldHeader(fieldId, WireType.TypedObject);
        writer.WriteString(GetAlias(type));
        codec.WriteObject(ref writer, 0, value);
        writer.WriteEndObject();
    }

    /// <summary>Reads the rest of a <see cref="WireType.TypedObject"/> field whose header was just read.</summary>
    public object? ReadTyped(ref SwarmReader reader)
    {
        var alias = reader.ReadString();
        var codec = GetCodec(ResolveAlias(alias));
        object? value = null;
        while (reader.TryReadMember(out var fieldId, out var wireType))
        {
            if (fieldId == 0)
            {
                value = codec.ReadObject(ref reader, wireType);
            }
            else
            {
                reader.SkipField(wireType);
            }
        }

        return value;
    }

    /// <summary>The wire alias of <paramref name="type"/>: its registered alias, a built-in name, or a composition of those.</summary>
    public string GetAlias(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (_typeAliases.TryGetValue(type, out var alias))
        {
            return alias;
        }

        alias = _registry.TryGetAlias(type, out var registered) ? registered : TypeAliases.Compose(type, GetAlias);
        _typeAliases.TryAdd(type, alias);
        return alias;
    }

    /// <summary>The type named by <paramref name="alias"/>; a <see cref="SerializationException"/> if none is known.</summary>
    public Type ResolveAlias(string alias)
    {
        ArgumentNullException.ThrowIfNull(alias);
        if (_aliasTypes.TryGetValue(alias, out var type))
        {
            return type;
        }

        type = TypeAliases.Parse(alias, name => _registry.TryGetTypeByAlias(name, out var t) ? t : null);
        _aliasTypes.TryAdd(alias, type);
        return type;
    }
}
