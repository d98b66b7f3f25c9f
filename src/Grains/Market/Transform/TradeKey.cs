using TgeSwarm.Feeds;

namespace TgeSwarm.Grains.Market.Transform;

/// <summary>
/// What identifies a trade within its instrument: the venue's trade id; when the venue sends none (Kraken v1), the
/// time, price, size and side together. Two different trades agreeing on all four in the same microsecond is
/// possible but rare, and dropping one of them costs less than counting a redelivered frame twice.
/// </summary>
internal readonly record struct TradeKey(string Id, long Timestamp, decimal Price, decimal Size, TradeSide Side)
{
    public static TradeKey Of(Trade trade) => string.IsNullOrEmpty(trade.TradeId)
        ? new TradeKey(string.Empty, trade.Timestamp, trade.Price, trade.Size, trade.Side)
        : new TradeKey(trade.TradeId, 0, 0, 0, TradeSide.Unknown);
}
