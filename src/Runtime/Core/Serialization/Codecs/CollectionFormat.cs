namespace TgeSwarm.Runtime.Serialization;

/// <summary>
/// The shared layout of sequences and maps: an object whose field 0 is the element count, then each element as
/// field 1 (maps: each key as field 1 followed by its value as field 2). The count comes first so the reader sizes
/// its collection once; it is checked against the bytes left, so garbage cannot ask for a huge allocation.
/// </summary>
internal static class CollectionFormat
{
    public const uint CountField = 0;
    public const uint ElementField = 1;
    public const uint ValueField = 2;

    public static void WriteStart(ref SwarmWriter writer, uint fieldId, int count)
    {
        writer.WriteStartObject(fieldId);
        writer.WriteFieldHeader(CountField, WireType.VarInt);
        writer.WriteVarUInt32((uint)count);
    }

    /// <summary>Reads the count that opens a collection object whose header was just read.</summary>
    public static int ReadCount(ref SwarmReader reader, WireType wireType, int bytesPerElement)
    {
        if (wireType != WireType.StartObject)
        {
            throw reader.Unexpected(wireType, "a collection object");
        }

        if (!reader.TryReadMember(out var id, out var type) || id != CountField || type != WireType.VarInt)
        {
            throw reader.Malformed("a collection does not start with its count");
        }

        var count = reader.ReadVarUInt32();
        return count <= (uint)(reader.Remaining / bytesPerElement)
            ? (int)count
            : throw reader.Malformed($"a collection claims {count} elements but only {reader.Remaining} bytes are left");
    }

    /// <summary>Reads the next element header; fails if the collection ends early or holds something else.</summary>
    public static WireType ReadElementHeader(ref SwarmReader reader, uint expectedField)
    {
        if (!reader.TryReadMember(out var id, out var type))
        {
            throw reader.Malformed("a collection ends before its count of elements");
        }

        return id == expectedField ? type : throw reader.Malformed($"expected collection field {expectedField}, found {id}");
    }

    /// <summary>Reads the end marker after the last element, skipping members a newer writer may have added.</summary>
    public static void ReadEnd(ref SwarmReader reader) => reader.SkipToEndOfObject();
}
