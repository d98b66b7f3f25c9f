using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace TgeSwarm.Runtime.Serialization;

/// <summary>
/// Writes the wire format into an <see cref="IBufferWriter{T}"/>. The current span is cached and only handed back
/// (<see cref="IBufferWriter{T}.Advance"/>) when it runs out or on <see cref="Commit"/>, so a write is a bounds check
/// and a store. Call <see cref="Commit"/> once when done; nothing is visible in the output before that.
/// </summary>
public ref struct SwarmWriter
{
    private const int MaxVarInt64Length = 10;

    // A UTF-16 char never takes more than 3 UTF-8 bytes (a surrogate pair takes 4 for 2 chars, a lone surrogate the
    // 3 of U+FFFD), so a string of up to 42 chars has a byte count below 128: one varint byte, known before encoding.
    private const int MaxOneByteLengthChars = 0x7F / 3;

    private readonly IBufferWriter<byte> _output;
    private Span<byte> _buffer;
    private int _position;
    private long _committed;

    public SwarmWriter(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _buffer = output.GetSpan();
        _position = 0;
        _committed = 0;
    }

    /// <summary>Bytes written so far, committed or not.</summary>
    public readonly long BytesWritten => _committed + _position;

    /// <summary>Advances the underlying buffer writer past everything written so far.</summary>
    public void Commit()
    {
        _output.Advance(_position);
        _committed += _position;
        _position = 0;
        _buffer = default;
    }

    public void WriteFieldHeader(uint fieldId, WireType wireType) =>
        WriteVarUInt64(((ulong)fieldId << 3) | (byte)wireType);

    public void WriteNull(uint fieldId) => WriteFieldHeader(fieldId, WireType.Null);

    public void WriteStartObject(uint fieldId) => WriteFieldHeader(fieldId, WireType.StartObject);

    public void WriteEndObject() => WriteFieldHeader(0, WireType.EndObject);

    public void WriteVarUInt32(uint value) => WriteVarUInt64(value);

    public void WriteVarUInt64(ulong value)
    {
        // Most varints on the wire (headers of ids below 16, small counts and lengths, bools) are one byte.
        var position = _position;
        var buffer = _buffer;
        if (value < 0x80 && (uint)position < (uint)buffer.Length)
        {
            buffer[position] = (byte)value;
            _position = position + 1;
            return;
        }

        WriteVarUInt64Slow(value);
    }

    /// <summary>Zig-zag, so small negative numbers stay short.</summary>
    public void WriteVarInt32(int value) => WriteVarUInt64((uint)((value << 1) ^ (value >> 31)));

    public void WriteVarInt64(long value) => WriteVarUInt64((ulong)((value << 1) ^ (value >> 63)));

    public void WriteFixed32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), value);
        _position += 4;
    }

    public void WriteFixed64(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), value);
        _position += 8;
    }

    /// <summary>A varint byte count then the UTF-8 bytes (the payload of a <see cref="WireType.LengthPrefixed"/> field).</summary>
    /// <remarks>
    /// Invalid UTF-16 (a lone surrogate) is written as U+FFFD, as <see cref="Encoding.UTF8"/> does. A short string
    /// is encoded in one pass behind a reserved length byte that is filled in afterwards; a longer one is counted first,
    /// because its varint length must be written, at its final size, before the bytes.
    /// </remarks>
    public void WriteString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length <= MaxOneByteLengthChars)
        {
            var span = Reserve(1 + (value.Length * 3));
            Utf8.FromUtf16(value, span[1..], out _, out var encoded, replaceInvalidSequences: true);
            span[0] = (byte)encoded;
            _position += 1 + encoded;
            return;
        }

        var length = Encoding.UTF8.GetByteCount(value);
        WriteVarUInt32((uint)length);
        // Reserve may move to a new span and reset _position, so it runs before _position is read.
        var written = Encoding.UTF8.GetBytes(value, Reserve(length));
        _position += written;
    }

    /// <summary>A varint byte count then the bytes.</summary>
    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        WriteVarUInt32((uint)value.Length);
        WriteRaw(value);
    }

    /// <summary>Bytes with no length: the caller's format fixes it.</summary>
    public void WriteRaw(ReadOnlySpan<byte> value)
    {
        value.CopyTo(Reserve(value.Length));
        _position += value.Length;
    }

    /// <summary>A span of exactly <paramref name="length"/> bytes to fill; they count as written.</summary>
    public Span<byte> WriteSpan(int length)
    {
        var span = Reserve(length)[..length];
        _position += length;
        return span;
    }

    private void WriteVarUInt64Slow(ulong value)
    {
        var span = Reserve(MaxVarInt64Length);
        if (value < 1UL << 56)
        {
            // Up to eight bytes: spread the 7-bit groups one per byte, mark all but the last byte as continued, and
            // store once. The shifts are independent of each other, unlike a byte-at-a-time loop.
            var length = ((63 - BitOperations.LeadingZeroCount(value)) / 7) + 1;
            var spread = (value & 0x7F)
                | ((value & (0x7FUL << 7)) << 1)
                | ((value & (0x7FUL << 14)) << 2)
                | ((value & (0x7FUL << 21)) << 3)
                | ((value & (0x7FUL << 28)) << 4)
                | ((value & (0x7FUL << 35)) << 5)
                | ((value & (0x7FUL << 42)) << 6)
                | ((value & (0x7FUL << 49)) << 7);
            var continued = 0x8080808080808080UL & ((1UL << ((length - 1) * 8)) - 1);
            BinaryPrimitives.WriteUInt64LittleEndian(span, spread | continued);
            _position += length;
            return;
        }

        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        _position += i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> Reserve(int length)
    {
        if (_buffer.Length - _position < length)
        {
            Grow(length);
        }

        return _buffer[_position..];
    }

    private void Grow(int length)
    {
        _output.Advance(_position);
        _committed += _position;
        _position = 0;
        _buffer = _output.GetSpan(length);
    }
}
