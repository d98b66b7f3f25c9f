namespace TgeSwarm.Feeds.Exchange.Frames;

/// <summary>What a <see cref="FrameSlot"/> holds and how a later pass rewrites it.</summary>
internal enum SlotKind
{
    /// <summary>Decimal digits of an id or sequence number: + pass × the span of its id class.</summary>
    Id,

    /// <summary>The last 12 hex digits of a UUID trade id: + pass (mod 2^48), which keeps ids unique per pass.</summary>
    UuidNode,

    /// <summary>Unix milliseconds: + pass × the pass period.</summary>
    Millis,

    /// <summary>The whole-second digits of Unix seconds (<c>1618678142</c> of <c>1618678142.557535</c>, or all of <c>1786279500</c>).</summary>
    Seconds,

    /// <summary><c>yyyy-MM-ddTHH:mm:ss</c>, the whole-second part of an ISO 8601 time.</summary>
    IsoSeconds,

    /// <summary><c>yyyy-MM-dd HH:mm:ss</c>, the whole-second part of Go's time format (Coinbase heartbeats).</summary>
    GoSeconds,

    /// <summary>A counter of the frames the connection has sent (Coinbase <c>sequence_num</c>): renumbered, never shifted.</summary>
    Ordinal,
}
