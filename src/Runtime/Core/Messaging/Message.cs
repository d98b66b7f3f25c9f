using TgeSwarm.Runtime.Invocation;

namespace TgeSwarm.Runtime.Messaging;

/// <summary>
/// One message between silos, or between a client and its gateway: a request (with the generated request object
/// that carries its arguments) or the response to one. The header travels in front of the body; the body is written
/// straight from, and read straight into, the <see cref="GrainRequest"/>, so no intermediate copy of the arguments
/// or the result is ever made.
/// </summary>
internal sealed class Message
{
    public MessageKind Kind;

    public MessageFlags Flags;

    /// <summary>The outcome of a response; unused on requests.</summary>
    public ResponseStatus Status;

    /// <summary>Correlates a response with its request; unique per sender (silo or client) and connection lifetime.</summary>
    public long Id;

    public GrainId Target;

    /// <summary>The calling grain, or default when a client or a silo service called.</summary>
    public GrainId Source;

    /// <summary>
    /// The silo the message is for, on the sending side only (for what a failure reports): it is not written, since the
    /// connection's handshake already made sure the peer is that silo, in that generation.
    /// </summary>
    public SiloAddress? TargetSilo;

    /// <summary>The generated method id: the receiver creates the request object from it.</summary>
    public uint MethodId;

    /// <summary>How many times silos passed this request on; bounded so a stale route cannot loop.</summary>
    public byte ForwardCount;

    /// <summary>Milliseconds the caller still waits at send time, or 0 for no limit (one-way calls).</summary>
    public int TimeToLiveMilliseconds;

    public CallContextData? CallContext;

    /// <summary>
    /// Requests: the request whose arguments form the body. Responses on the sending side: the request whose result
    /// (or <see cref="Error"/>) forms the body.
    /// </summary>
    public GrainRequest? Request;

    /// <summary>The exception a failed or rejected response carries.</summary>
    public Exception? Error;

    /// <summary>Responses: the silo whose activation answered, so the caller can cache where the grain lives.</summary>
    public SiloAddress? ActivationSilo;

    /// <summary>The serialized frame payload, made on the sender's thread and released once written to the connection.</summary>
    public PooledBuffer? Payload;

    /// <summary>
    /// A pooled message's own serialization buffer, kept across reuse (<see cref="Clear"/> leaves it): sending then
    /// takes one pool round trip (the message) instead of two, each a contended queue operation under load.
    /// </summary>
    public PooledBuffer? Buffer;

    public bool IsOneWay => (Flags & MessageFlags.OneWay) != 0;

    /// <summary>Resets every field but <see cref="Buffer"/>, for a header read into a reused message.</summary>
    public void Clear()
    {
        Kind = default;
        Flags = default;
        Status = default;
        Id = 0;
        Target = default;
        Source = default;
        TargetSilo = null;
        MethodId = 0;
        ForwardCount = 0;
        TimeToLiveMilliseconds = 0;
        CallContext = null;
        Request = null;
        Error = null;
        ActivationSilo = null;
        Payload = null;
    }

    public override string ToString() => Kind == MessageKind.Request
        ? $"Request #{Id} {Request?.ToString() ?? MethodId.ToString("X8", System.Globalization.CultureInfo.InvariantCulture)} to {Target}"
        : $"Response #{Id} ({Status}) for {Target}";
}
