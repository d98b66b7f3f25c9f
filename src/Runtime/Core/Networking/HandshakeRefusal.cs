namespace TgeSwarm.Runtime.Networking;

/// <summary>Why a handshake was refused; travels in the refusal so both sides log the same reason.</summary>
internal enum HandshakeRefusal : byte
{
    /// <summary>Not a TgeSwarm peer, or another protocol version.</summary>
    ProtocolMismatch = 1,

    /// <summary>The peer belongs to another cluster.</summary>
    ClusterIdMismatch = 2,

    /// <summary>The peer could not prove it knows the cluster secret.</summary>
    SecretMismatch = 3,

    /// <summary>The silo that answered is not the one the caller dialled (another generation, or another silo).</summary>
    UnexpectedSilo = 4,

    /// <summary>A handshake frame could not be read.</summary>
    Malformed = 5,
}
