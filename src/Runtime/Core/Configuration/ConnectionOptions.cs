namespace TgeSwarm.Runtime.Configuration;

/// <summary>
/// Settings of the TCP connections between silos and from clients to gateways. The defaults follow Orleans'
/// <c>ConnectionOptions</c> where it has one (open timeout, retry delay).
/// </summary>
public sealed class ConnectionOptions
{
    /// <summary>The default <see cref="MaxFrameSize"/>: 64 MiB.</summary>
    public const int DefaultMaxFrameSize = 64 * 1024 * 1024;

    /// <summary>The default <see cref="SendQueueCapacity"/>: 65 536 messages.</summary>
    public const int DefaultSendQueueCapacity = 65_536;

    /// <summary>
    /// How long opening a TCP connection to a silo or gateway may take before the attempt fails. Default 5 s.
    /// </summary>
    public TimeSpan OpenConnectionTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// After a failed attempt to connect to a silo, how long further attempts fail at once with the same error
    /// instead of dialling again, so callers of an unreachable silo do not hammer it. Default 1 s.
    /// </summary>
    public TimeSpan ConnectionRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the handshake (protocol version, cluster id, identities, proof of the cluster secret) may take once
    /// the TCP connection is open, on either side. Default 5 s.
    /// </summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The largest frame (one serialized message, without its 4-byte length prefix) a connection sends or accepts.
    /// A larger outgoing message fails alone; a larger incoming frame closes the connection, because the stream
    /// cannot be trusted after it. Default 64 MiB.
    /// </summary>
    public int MaxFrameSize { get; set; } = DefaultMaxFrameSize;

    /// <summary>
    /// How many messages may wait to be written on one connection. When the queue is full a synchronous send is
    /// refused and an asynchronous send waits for room, so a slow peer cannot make the sender's memory grow
    /// without bound. Default 65 536.
    /// </summary>
    public int SendQueueCapacity { get; set; } = DefaultSendQueueCapacity;

    /// <summary>
    /// The secret every silo and client of the cluster shares. Peers prove they know it during the handshake
    /// (HMAC-SHA256 over both sides' random nonces); the secret itself never crosses the wire. Null or empty means
    /// an unauthenticated cluster: every peer must then leave it empty too, and listeners log a warning at start.
    /// Default null.
    /// </summary>
    public string? ClusterSecret { get; set; }
}
