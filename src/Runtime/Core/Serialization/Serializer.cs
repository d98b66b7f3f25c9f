namespace TgeSwarm.Runtime.Serialization;

/// <summary>Reading and writing a whole value (a message body, a stored state) as field 0 of its buffer.</summary>
public static class Serializer
{
    public static void WriteRoot<T>(ref SwarmWriter writer, IFieldCodec<T> codec, T value)
    {
        ArgumentNullException.ThrowIfNull(codec);
        codec.Write(ref writer, 0, value);
    }

    /// <summary>
    /// Reads the root field. Failures other than malformed input (a bad enum cast, a grain id the runtime rejects)
    /// are reported as <see cref="SerializationException"/> naming <typeparamref name="T"/>, so callers catch one type.
    /// </summary>
    public static T ReadRoot<T>(ref SwarmReader reader, IFieldCodec<T> codec)
    {
        ArgumentNullException.ThrowIfNull(codec);
        if (!reader.TryReadFieldHeader(out _, out var wireType))
        {
            throw new SerializationException($"Cannot read a {typeof(T)}: the input is empty.");
        }

        try
        {
            return codec.Read(ref reader, wireType);
        }
        catch (Exception ex) when (ex is not SerializationException and not CodecNotFoundException)
        {
            throw new SerializationException($"Cannot read a {typeof(T)}: {ex.Message}", ex);
        }
    }
}
