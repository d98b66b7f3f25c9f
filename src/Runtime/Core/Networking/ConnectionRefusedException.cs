namespace TgeSwarm.Runtime.Networking;

/// <summary>
/// The handshake was refused, by this side or by the peer: wrong protocol version, cluster id or secret, or not the
/// silo the caller expected. Not transient: the same peer will refuse again until configuration changes.
/// </summary>
internal sealed class ConnectionRefusedException : SwarmException
{
    public ConnectionRefusedException()
    {
    }

    public ConnectionRefusedException(string message)
        : base(message)
    {
    }

    public ConnectionRefusedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public ConnectionRefusedException(HandshakeRefusal refusal, string message)
        : base(message) => Refusal = refusal;

    public HandshakeRefusal? Refusal { get; }
}
