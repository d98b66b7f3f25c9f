using System.Buffers;

namespace TgeSwarm.Runtime.Serialization;

// Design: the TgeSwarm wire format.
//
// A value is a tree of fields. Each field starts with a varint header, (id << 3) | wire type, and the wire type
// alone says how long the payload is: a varint, 4 or 8 fixed bytes, a length-prefixed run, or an object that runs
// to its end marker. Ids come from [Id(n)] on the members of a [GenerateSerializer] type, never from names or
// declaration order. So a reader that meets an id it does not know skips it (SwarmReader.SkipField), and a member
// it knows but does not meet keeps its default: members can be added and removed between versions, in either
// direction, as in protobuf and Orleans. Renumbering an id, or changing a member's kind (number to string), is the
// breaking change.
//
// Codecs always write their field (null as a Null header), so collection elements keep their positions. The
// declared type decides the compact form; when a value's runtime type differs from a non-sealed declared type (or
// the declared type is object), the typed form carries the runtime type's alias, registered by the generator from
// [Alias] or the full type name — never an assembly-qualified name, so the reader only builds types it has
// registered. Exceptions are the exception: they carry their type name and are rebuilt by reflection.
//
// Speed: the writer caches the IBufferWriter span and writes in place; generated codecs resolve their member
// codecs once, lazily, into fields, and the root codec is a lock-free probe by type handle (TypeHandleTable);
// nothing on the per-value path boxes, allocates or looks up a dictionary. Short strings are encoded in one pass and
// one-byte varints are one store. Measured against System.Text.Json in bench/README.md.
// Malformed input fails with SerializationException naming the offset, never with an IndexOutOfRangeException.
// Layout in detail: WIRE-FORMAT.md beside this file.

/// <summary>Whole-value serialization for messages and stored grain state.</summary>
public sealed class SwarmSerializer(CodecProvider codecs)
{
    public CodecProvider Codecs { get; } = codecs ?? throw new ArgumentNullException(nameof(codecs));

    public void Serialize<T>(T value, IBufferWriter<byte> output)
    {
        var writer = new SwarmWriter(output);
        Serializer.WriteRoot(ref writer, Codecs.GetCodec<T>(), value);
        writer.Commit();
    }

    public byte[] SerializeToArray<T>(T value)
    {
        var output = new ArrayBufferWriter<byte>(256);
        Serialize(value, output);
        return output.WrittenSpan.ToArray();
    }

    public T Deserialize<T>(ReadOnlySpan<byte> data)
    {
        var reader = new SwarmReader(data);
        return Serializer.ReadRoot(ref reader, Codecs.GetCodec<T>());
    }

    public T DeepCopy<T>(T value) => Codecs.GetCodec<T>().DeepCopy(value);
}
