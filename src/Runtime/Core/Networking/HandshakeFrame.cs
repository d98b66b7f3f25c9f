namespace TgeSwarm.Runtime.Networking;

/// <summary>The kinds of frame exchanged during the handshake; the first payload byte.</summary>
internal enum HandshakeFrame : byte
{
    /// <summary>Version, cluster id, role, identity, nonce; the acceptor's also carries its proof.</summary>
    Hello = 1,

    /// <summary>The initiator's proof of the cluster secret.</summary>
    Proof = 2,

    /// <summary>Accepted, or refused with a reason; the last handshake frame either side sends.</summary>
    Verdict = 3,
}
