using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace TgeSwarm.Runtime.Serialization;

/// <summary>
/// Reads the wire format from a span. Every read checks the remaining length first, so truncated or malformed
/// input ends in a <see cref="SerializationException"/> that says what was expected where, never in an
/// <see cref="IndexOutOfRangeException"/> from deep inside a codec.
/// </summary>
public ref partial struct SwarmReader
{
    private const int MaxVarInt64Length = 10;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public SwarmReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    public readonly int Position => _position;

    public readonly int Remaining => _data.Length - _position;

    public readonly bool IsAtEnd => _position >= _data.Length;

    /// <summary>Reads the next field header; false at the end of the input.</summary>
    public bool TryReadFieldHeader(out uint fieldId, out WireType wireType)
    {
        if (IsAtEnd)
        {
            fieldId = 0;
            wireType = default;
            return false;
        }

        var header = ReadVarUInt64();
        if (header >> 3 > uint.MaxValue)
        {
            throw Malformed($"field id {header >> 3} is out of range");
        }

        fieldId = (uint)(header >> 3);
        wireType = (WireType)(header & 7);
        return true;
    }

    /// <summary>
    /// Reads the next member header inside an object; false on its <see cref="WireType.EndObject"/>. The input may not
    /// end before that.
    /// </summary>
    public bool TryReadMember(out uint fieldId, out WireType wireType)
    {
        if (!TryReadFieldHeader(out fieldId, out wireType))
        {
            throw Truncated("an object's end marker");
        }

        return wireType != WireType.EndObject;
    }

    public ulong ReadVarUInt64()
    {
        // Most varints on the wire are one byte: field headers of ids below 16, small counts and lengths, bools.
        var position = _position;
        if ((uint)position < (uint)_data.Length && _data[position] < 0x80)
        {
            _position = position + 1;
            return _data[position];
        }

        return ReadVarUInt64Slow();
    }

    private ulong ReadVarUInt64Slow()
    {
        // One pass over a local span: no per-byte write of _position, and the offsets in the errors are those of the
        // byte-at-a-time reader (just past the offending byte, or the end of the input).
        var rest = _data[_position..];
        ulong result = 0;
        var count = Math.Min(rest.Length, MaxVarInt64Length);
        for (var i = 0; i < count; i++)
        {
            var b = rest[i];
            if (i == MaxVarInt64Length - 1 && b > 1)
            {
                _position += i + 1;
                throw Malformed("a varint overflows 64 bits");
            }

            result |= (ulong)(b & 0x7F) << (7 * i);
            if (b < 0x80)
            {
                _position += i + 1;
                return result;
            }
        }

        // Ten bytes always end in the loop (the tenth is at most 1, so it ends the varint), so the input ran out.
        _position += count;
        throw Truncated("a varint");
    }

    public uint ReadVarUInt32()
    {
        var value = ReadVarUInt64();
        return value <= uint.MaxValue ? (uint)value : throw Malformed($"varint {value} does not fit 32 bits");
    }

    public int ReadVarInt32()
    {
        var value = ReadVarUInt32();
        return (int)(value >> 1) ^ -(int)(value & 1);
    }

    public long ReadVarInt64()
    {
        var value = ReadVarUInt64();
        return (long)(value >> 1) ^ -(long)(value & 1);
    }

    public uint ReadFixed32() => BinaryPrimitives.ReadUInt32LittleEndian(ReadRaw(4));

    public ulong ReadFixed64() => BinaryPrimitives.ReadUInt64LittleEndian(ReadRaw(8));

    /// <summary>A varint byte count then UTF-8 bytes.</summary>
    public string ReadString()
    {
        var bytes = ReadLengthPrefixed();
        try
        {
            return Encoding.UTF8.GetString(bytes);
        }
        catch (ArgumentException ex)
        {
            throw new SerializationException($"Malformed input at byte {_position}: a string is not valid UTF-8.", ex);
        }
    }

    /// <summary>A varint byte count then that many bytes, without copying.</summary>
    public ReadOnlySpan<byte> ReadLengthPrefixed()
    {
        var length = ReadVarUInt32();
        if (length > (uint)Remaining)
        {
            throw Truncated($"{length} bytes of a length-prefixed field ({Remaining} left)");
        }

        return ReadRaw((int)length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> ReadRaw(int length)
    {
        if ((uint)length > (uint)Remaining)
        {
            throw Truncated($"{length} bytes ({Remaining} left)");
        }

        var span = _data.Slice(_position, length);
        _position += length;
        return span;
    }

    /// <summary>Fails with the wire type that was found where another was expected.</summary>
    public readonly SerializationException Unexpected(WireType found, string expected) =>
        Malformed($"expected {expected} but found a {found} field");

    public readonly SerializationException Malformed(string what) =>
        new($"Malformed input at byte {_position}: {what}.");

    public readonly SerializationException Truncated(string what) =>
        new($"Truncated input at byte {_position}: expected {what}.");
}
