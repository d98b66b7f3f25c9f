namespace TgeSwarm.Runtime.Serialization;

/// <summary>
/// How the bytes after a field header are laid out. The reader needs nothing else to skip a field it does not know,
/// which is what lets a type gain or lose members without breaking peers on the other version. Three bits on the wire.
/// </summary>
public enum WireType : byte
{
    /// <summary>A base-128 varint (integers zig-zag encoded when signed, bools, enums, time spans).</summary>
    VarInt = 0,

    /// <summary>Four bytes, little-endian (float).</summary>
    Fixed32 = 1,

    /// <summary>Eight bytes, little-endian (double, DateTime).</summary>
    Fixed64 = 2,

    /// <summary>A varint byte count, then that many bytes (strings as UTF-8, byte arrays, Guid, decimal).</summary>
    LengthPrefixed = 3,

    /// <summary>Fields follow until the matching <see cref="EndObject"/> (objects, collections, tuples).</summary>
    StartObject = 4,

    /// <summary>Closes the innermost <see cref="StartObject"/> or <see cref="TypedObject"/>; its field id is 0.</summary>
    EndObject = 5,

    /// <summary>
    /// A value whose runtime type differs from the declared one: a length-prefixed type alias, then the value as field 0,
    /// then <see cref="EndObject"/>.
    /// </summary>
    TypedObject = 6,

    /// <summary>A null reference (or a null <see cref="Nullable{T}"/>); no payload.</summary>
    Null = 7,
}
