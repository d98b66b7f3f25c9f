namespace TgeSwarm.Feeds;

/// <summary>
/// An order-book event in the one model shared by all venues: a full snapshot, or a delta whose sizes are absolute
/// (zero removes the level). Emitted only once the venue's sequence rules accepted it.
/// </summary>
/// <param name="Timestamp">Exchange time of the event (receive time when the venue sends none), UTC microseconds.</param>
/// <param name="Bids">Best first (descending price) for snapshots; in venue order for deltas.</param>
/// <param name="Asks">Best first (ascending price) for snapshots; in venue order for deltas.</param>
public sealed record BookUpdate(
    Venue Venue,
    string Instrument,
    long Timestamp,
    bool IsSnapshot,
    IReadOnlyList<PriceLevel> Bids,
    IReadOnlyList<PriceLevel> Asks);
