using System.Buffers.Binary;
using System.Net;

namespace TgeSwarm.Runtime.Serialization;

/// <summary>
/// A silo address as one length-prefixed run: the IP address bytes (4 or 16), the port (2 bytes) and the generation
/// (4 bytes), little-endian. Null is written as a Null header.
/// </summary>
internal sealed class SiloAddressCodec : IFieldCodec<SiloAddress>
{
    public void Write(ref SwarmWriter writer, uint fieldId, SiloAddress value)
    {
        if (value is null)
        {
            writer.WriteNull(fieldId);
            return;
        }

        writer.WriteFieldHeader(fieldId, WireType.LengthPrefixed);
        WriteRaw(ref writer, value);
    }

    public SiloAddress Read(ref SwarmReader reader, WireType wireType)
    {
        if (wireType == WireType.Null)
        {
            return null!;
        }

        if (wireType != WireType.LengthPrefixed)
        {
            throw reader.Unexpected(wireType, "a length-prefixed silo address");
        }

        return ReadRaw(ref reader);
    }

    public SiloAddress DeepCopy(SiloAddress value) => value;

    /// <summary>The length-prefixed run without a field header (message headers use it directly).</summary>
    internal static void WriteRaw(ref SwarmWriter writer, SiloAddress value)
    {
        var address = value.Endpoint.Address;
        var addressLength = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 16 : 4;
        writer.WriteVarUInt32((uint)(addressLength + 6));
        var span = writer.WriteSpan(addressLength + 6);
        address.TryWriteBytes(span, out _);
        BinaryPrimitives.WriteUInt16LittleEndian(span[addressLength..], (ushort)value.Endpoint.Port);
        BinaryPrimitives.WriteInt32LittleEndian(span[(addressLength + 2)..], value.Generation);
    }

    internal static SiloAddress ReadRaw(ref SwarmReader reader)
    {
        var span = reader.ReadLengthPrefixed();
        return Decode(span) ?? throw reader.Malformed($"a silo address has {span.Length} bytes instead of 10 or 22");
    }

    /// <summary>The address in <paramref name="span"/> (the run without its length), or null if its length is wrong.</summary>
    internal static SiloAddress? Decode(ReadOnlySpan<byte> span)
    {
        if (span.Length is not (10 or 22))
        {
            return null;
        }

        var addressLength = span.Length - 6;
        var endpoint = new IPEndPoint(new IPAddress(span[..addressLength]), BinaryPrimitives.ReadUInt16LittleEndian(span[addressLength..]));
        return new SiloAddress(endpoint, BinaryPrimitives.ReadInt32LittleEndian(span[(addressLength + 2)..]));
    }
}
