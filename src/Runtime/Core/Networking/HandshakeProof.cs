using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace TgeSwarm.Runtime.Networking;

/// <summary>
/// Proof that a side knows the cluster secret: HMAC-SHA256 keyed with the secret over a transcript of the handshake
/// (protocol label, cluster id, both identities, both nonces) and the side that speaks. Fresh nonces from both sides
/// make a recorded proof useless on another connection; the speaker label stops a peer from reflecting our own proof
/// back at us.
/// </summary>
internal static class HandshakeProof
{
    public const int NonceLength = 32;

    private const string Label = "tgeswarm/1";

    public static byte[] NewNonce() => RandomNumberGenerator.GetBytes(NonceLength);

    public static byte[] Compute(
        byte[] key, bool fromInitiator, string clusterId, ConnectionRole initiatorRole, string initiator, string acceptor, byte[] initiatorNonce, byte[] acceptorNonce)
    {
        var transcript = new ArrayBufferWriter<byte>(256);
        Append(transcript, Label);
        Append(transcript, fromInitiator ? "initiator" : "acceptor");
        Append(transcript, clusterId);
        transcript.Write([(byte)initiatorRole]);
        Append(transcript, initiator);
        Append(transcript, acceptor);
        transcript.Write(initiatorNonce);
        transcript.Write(acceptorNonce);
        return HMACSHA256.HashData(key, transcript.WrittenSpan);
    }

    public static bool Verify(byte[] expected, byte[] presented) =>
        CryptographicOperations.FixedTimeEquals(expected, presented);

    // Length-prefixed, so ("ab", "c") and ("a", "bc") never make the same transcript.
    private static void Append(ArrayBufferWriter<byte> transcript, string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        BinaryPrimitives.WriteInt32LittleEndian(transcript.GetSpan(4), length);
        transcript.Advance(4);
        transcript.Advance(Encoding.UTF8.GetBytes(value, transcript.GetSpan(length)));
    }
}
