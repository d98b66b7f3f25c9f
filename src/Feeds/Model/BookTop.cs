using TgeSwarm.Feeds.Books;
using TgeSwarm.Runtime;

namespace TgeSwarm.Feeds;

/// <summary>
/// The top of a book right after an update was applied, computed by the feed that keeps the only full book. Later
/// stages read spread, crossing and imbalance from it instead of keeping replicas of every book. Zero prices mean an
/// empty side.
/// </summary>
/// <param name="BidDepth">Sum of the sizes of the best <see cref="DepthLevels"/> bid levels.</param>
/// <param name="AskDepth">Sum of the sizes of the best <see cref="DepthLevels"/> ask levels.</param>
[GenerateSerializer]
[Immutable]
public readonly record struct BookTop(
    [property: Id(0)] decimal BestBid,
    [property: Id(1)] decimal BestBidSize,
    [property: Id(2)] decimal BestAsk,
    [property: Id(3)] decimal BestAskSize,
    [property: Id(4)] decimal BidDepth,
    [property: Id(5)] decimal AskDepth)
{
    /// <summary>Levels per side summed into <see cref="BidDepth"/> and <see cref="AskDepth"/>.</summary>
    public const int DepthLevels = 10;

    public bool HasBothSides => BestBid > 0 && BestAsk > 0;

    /// <summary>Best bid at or above best ask: impossible in a correct book.</summary>
    public bool IsCrossed => HasBothSides && BestBid >= BestAsk;

    internal static BookTop Of(OrderBook book)
    {
        var bids = book.Bids;
        var asks = book.Asks;
        return new BookTop(
            bids.Count > 0 ? bids.PriceAt(0) : 0m,
            bids.Count > 0 ? bids.SizeAt(0) : 0m,
            asks.Count > 0 ? asks.PriceAt(0) : 0m,
            asks.Count > 0 ? asks.SizeAt(0) : 0m,
            bids.Depth(DepthLevels),
            asks.Depth(DepthLevels));
    }
}
