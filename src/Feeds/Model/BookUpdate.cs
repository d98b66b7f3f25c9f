using TgeSwarm.Runtime;

namespace TgeSwarm.Feeds;

/// <summary>
/// An order-book event in the one model shared by all venues: a full snapshot, or a delta whose sizes are absolute
/// (zero removes the level). Emitted only once the venue's sequence rules accepted it.
/// </summary>
/// <param name="Timestamp">Exchange time of the event (receive time when the venue sends none), UTC microseconds.</param>
/// <param name="Bids">Best first (descending price) for snapshots; in venue order for deltas.</param>
/// <param name="Asks">Best first (ascending price) for snapshots; in venue order for deltas.</param>
/// <param name="Top">
/// The book's top once this event was applied (for a Binance snapshot: once the buffered diffs it releases were
/// applied too).
/// </param>
[GenerateSerializer]
[Immutable]
public sealed record BookUpdate(
    [property: Id(0)] Venue Venue,
    [property: Id(1)] string Instrument,
    [property: Id(2)] long Timestamp,
    [property: Id(3)] bool IsSnapshot,
    [property: Id(4)] IReadOnlyList<PriceLevel> Bids,
    [property: Id(5)] IReadOnlyList<PriceLevel> Asks,
    [property: Id(6)] BookTop Top);
