namespace TgeSwarm.Feeds.Exchange;

/// <summary>What a <see cref="ReplayFault"/> does to a replayed connection.</summary>
public enum ReplayFaultKind
{
    /// <summary>A book delta is not sent: the client's sequence (or, without one, its checksum) breaks.</summary>
    DropDelta,

    /// <summary>A book delta is sent with its first quantity made negative or non-numeric.</summary>
    CorruptQuantity,

    /// <summary>A frame is sent twice, byte for byte.</summary>
    DuplicateFrame,

    /// <summary>The server closes the socket (close frame 1001, reason naming the fault) right after a frame.</summary>
    Close,

    /// <summary>The server sends nothing, not even pongs, for <see cref="ReplayFault.Duration"/>; the socket stays open.</summary>
    Silence,
}
