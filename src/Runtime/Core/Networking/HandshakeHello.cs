namespace TgeSwarm.Runtime.Networking;

/// <summary>The opening frame each side sends: who it is and a fresh nonce (plus, from the acceptor, its proof).</summary>
internal sealed record HandshakeHello(
    uint Magic,
    ushort Version,
    ConnectionRole Role,
    string ClusterId,
    string Identity,
    byte[] Nonce,
    byte[] Proof);
