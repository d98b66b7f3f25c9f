namespace TgeSwarm.Feeds.Exchange.Frames;

/// <summary>What a frame carries, as far as faults and the Binance book reset care.</summary>
internal enum FrameKind
{
    Other,
    Trade,
    BookSnapshot,

    /// <summary>An incremental book update: what <see cref="ReplayFaultKind.DropDelta"/> and <see cref="ReplayFaultKind.CorruptQuantity"/> count.</summary>
    BookDelta,
}
