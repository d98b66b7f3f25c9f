using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace TgeSwarm.Runtime.Networking;

/// <summary>
/// Encodes the handshake frames. A fixed little-endian layout instead of the message serializer: the handshake must
/// read the same across protocol versions, and a peer that is not ours must be told apart by its first bytes.
/// Strings are a 2-byte length plus UTF-8; byte strings a 1-byte length.
/// </summary>
internal static class HandshakeCodec
{
    /// <summary>"TGSW" read as a little-endian integer.</summary>
    public const uint Magic = 0x57534754;

    public const int MaxFrameSize = 4096;

    private const int MaxStringBytes = 1024;

    public static byte[] EncodeHello(HandshakeHello hello)
    {
        var writer = new ArrayBufferWriter<byte>(256);
        var start = BeginFrame(writer, HandshakeFrame.Hello);
        WriteUInt32(writer, hello.Magic);
        WriteUInt16(writer, hello.Version);
        WriteByte(writer, (byte)hello.Role);
        WriteString(writer, hello.ClusterId);
        WriteString(writer, hello.Identity);
        WriteBytes(writer, hello.Nonce);
        WriteBytes(writer, hello.Proof);
        return EndFrame(writer, start);
    }

    public static byte[] EncodeProof(byte[] proof)
    {
        var writer = new ArrayBufferWriter<byte>(64);
        var start = BeginFrame(writer, HandshakeFrame.Proof);
        WriteBytes(writer, proof);
        return EndFrame(writer, start);
    }

    public static byte[] EncodeVerdict(HandshakeVerdict verdict)
    {
        var writer = new ArrayBufferWriter<byte>(128);
        var start = BeginFrame(writer, HandshakeFrame.Verdict);
        WriteByte(writer, verdict.Accepted ? (byte)1 : (byte)0);
        WriteByte(writer, (byte)verdict.Refusal);
        WriteString(writer, verdict.Detail.Length > 256 ? verdict.Detail[..256] : verdict.Detail);
        return EndFrame(writer, start);
    }

    /// <summary>The frame's kind, or null for an empty frame.</summary>
    public static HandshakeFrame? KindOf(ReadOnlySpan<byte> frame) => frame.IsEmpty ? null : (HandshakeFrame)frame[0];

    public static bool TryDecodeHello(ReadOnlySpan<byte> frame, out HandshakeHello? hello)
    {
        hello = null;
        var reader = new SpanReader(frame[1..]);
        // Magic and version first, on their own: a peer of another version may lay out the rest differently.
        if (!reader.TryUInt32(out var magic) || !reader.TryUInt16(out var version))
        {
            return false;
        }

        if (magic != Magic || version != Handshake.ProtocolVersion)
        {
            hello = new HandshakeHello(magic, version, default, "", "", [], []);
            return true;
        }

        if (!reader.TryByte(out var role) || !reader.TryString(out var clusterId) || !reader.TryString(out var identity)
            || !reader.TryBytes(out var nonce) || !reader.TryBytes(out var proof) || !reader.AtEnd)
        {
            return false;
        }

        hello = new HandshakeHello(magic, version, (ConnectionRole)role, clusterId, identity, nonce, proof);
        return true;
    }

    public static bool TryDecodeProof(ReadOnlySpan<byte> frame, out byte[] proof)
    {
        var reader = new SpanReader(frame[1..]);
        return reader.TryBytes(out proof) && reader.AtEnd;
    }

    public static bool TryDecodeVerdict(ReadOnlySpan<byte> frame, out HandshakeVerdict? verdict)
    {
        verdict = null;
        var reader = new SpanReader(frame[1..]);
        if (!reader.TryByte(out var accepted) || !reader.TryByte(out var refusal) || !reader.TryString(out var detail))
        {
            return false;
        }

        verdict = new HandshakeVerdict(accepted == 1, (HandshakeRefusal)refusal, detail);
        return true;
    }

    private static int BeginFrame(ArrayBufferWriter<byte> writer, HandshakeFrame kind)
    {
        writer.GetSpan(FrameBuffer.PrefixLength);
        writer.Advance(FrameBuffer.PrefixLength);
        WriteByte(writer, (byte)kind);
        return FrameBuffer.PrefixLength;
    }

    private static byte[] EndFrame(ArrayBufferWriter<byte> writer, int payloadStart)
    {
        var bytes = writer.WrittenSpan.ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(bytes, bytes.Length - payloadStart);
        return bytes;
    }

    private static void WriteByte(ArrayBufferWriter<byte> writer, byte value)
    {
        writer.GetSpan(1)[0] = value;
        writer.Advance(1);
    }

    private static void WriteUInt16(ArrayBufferWriter<byte> writer, ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(writer.GetSpan(2), value);
        writer.Advance(2);
    }

    private static void WriteUInt32(ArrayBufferWriter<byte> writer, uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(writer.GetSpan(4), value);
        writer.Advance(4);
    }

    private static void WriteString(ArrayBufferWriter<byte> writer, string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        if (length > MaxStringBytes)
        {
            throw new ArgumentException($"A handshake string is limited to {MaxStringBytes} UTF-8 bytes; '{value[..32]}…' has {length}.", nameof(value));
        }

        WriteUInt16(writer, (ushort)length);
        writer.Advance(Encoding.UTF8.GetBytes(value, writer.GetSpan(length)));
    }

    private static void WriteBytes(ArrayBufferWriter<byte> writer, byte[] value)
    {
        WriteByte(writer, checked((byte)value.Length));
        value.CopyTo(writer.GetSpan(value.Length));
        writer.Advance(value.Length);
    }

    /// <summary>Reads the layout above; every read is bounds-checked, so a hostile frame only ever yields false.</summary>
    private ref struct SpanReader(ReadOnlySpan<byte> data)
    {
        private ReadOnlySpan<byte> _rest = data;

        public readonly bool AtEnd => _rest.IsEmpty;

        public bool TryByte(out byte value)
        {
            value = 0;
            if (_rest.IsEmpty)
            {
                return false;
            }

            value = _rest[0];
            _rest = _rest[1..];
            return true;
        }

        public bool TryUInt16(out ushort value) => BinaryPrimitives.TryReadUInt16LittleEndian(_rest, out value) && Skip(2);

        public bool TryUInt32(out uint value) => BinaryPrimitives.TryReadUInt32LittleEndian(_rest, out value) && Skip(4);

        public bool TryString(out string value)
        {
            value = "";
            if (!TryUInt16(out var length) || length > MaxStringBytes || _rest.Length < length)
            {
                return false;
            }

            try
            {
                value = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(_rest[..length]);
            }
            catch (DecoderFallbackException)
            {
                return false;
            }

            return Skip(length);
        }

        public bool TryBytes(out byte[] value)
        {
            value = [];
            if (!TryByte(out var length) || _rest.Length < length)
            {
                return false;
            }

            value = _rest[..length].ToArray();
            return Skip(length);
        }

        private bool Skip(int count)
        {
            _rest = _rest[count..];
            return true;
        }
    }
}
