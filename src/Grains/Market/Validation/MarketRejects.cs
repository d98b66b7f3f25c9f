using TgeSwarm.Feeds;
using TgeSwarm.Grains.Interfaces.Market;

namespace TgeSwarm.Grains.Market.Validation;

/// <summary>Builds the <see cref="MarketReject"/> records published on <c>market.rejected</c> from the feed model.</summary>
internal static class MarketRejects
{
    public static MarketReject Of(Trade trade, string reason, string detail)
    {
        ArgumentNullException.ThrowIfNull(trade);
        return new MarketReject(VenueNames.Name(trade.Venue), trade.Instrument ?? string.Empty, MarketReject.TradeKind, reason, detail, trade.Timestamp);
    }

    public static MarketReject Of(BookUpdate book, string reason, string detail)
    {
        ArgumentNullException.ThrowIfNull(book);
        return new MarketReject(VenueNames.Name(book.Venue), book.Instrument ?? string.Empty, MarketReject.BookKind, reason, detail, book.Timestamp);
    }
}
