using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Venues.Binance;

internal sealed partial class BinanceFeed
{
    private readonly List<(BinanceDepthDiff Diff, BinanceBookSync.Outcome Outcome)> _replayed = [];

    private void Dispatch(in BinanceEventFields fields)
    {
        switch (fields.Type)
        {
            case BinanceEventType.DepthUpdate when fields.Instrument is not null && fields.HasFinalId:
                Statistics.CountType("depthUpdate");
                OnDiff(new BinanceDepthDiff(fields.Instrument, Timestamps.FromMilliseconds(fields.EventTime), fields.FirstId, fields.FinalId, [.. _bids], [.. _asks]));
                return;
            case BinanceEventType.AggTrade or BinanceEventType.Trade when fields.Instrument is not null && fields.TradeId is not null:
                Statistics.CountType(fields.Type == BinanceEventType.AggTrade ? "aggTrade" : "trade");
                Emit(new Trade(Venue, fields.Instrument, Timestamps.FromMilliseconds(fields.TradeTime), fields.Price, fields.Quantity,
                    fields.BuyerIsMaker ? TradeSide.Sell : TradeSide.Buy, fields.TradeId));
                return;
            case BinanceEventType.Kline:
                Statistics.CountType("kline");
                return;
            case BinanceEventType.None when fields.HasFinalId && fields.Instrument is not null:
                Statistics.CountType("bookTicker");
                return;
            case BinanceEventType.Unknown or BinanceEventType.None:
                Statistics.Reject(RejectReasons.UnknownType);
                return;
            default:
                Statistics.Reject(RejectReasons.Schema);
                return;
        }
    }

    private void OnDiff(BinanceDepthDiff diff)
    {
        var sync = Sync(diff.Instrument);
        Report(diff, sync.OnDiff(diff));
    }

    private void Report(BinanceDepthDiff diff, BinanceBookSync.Outcome outcome)
    {
        switch (outcome)
        {
            case BinanceBookSync.Outcome.Applied:
                EmitBook(diff.Instrument, diff.Timestamp, isSnapshot: false, diff.Bids, diff.Asks, Sync(diff.Instrument).Book);
                break;
            case BinanceBookSync.Outcome.Stale:
                // Already contained in the snapshot: dropped by the documented rule, not a fault.
                Statistics.CountType("depthUpdate/stale");
                break;
            case BinanceBookSync.Outcome.Gap:
                Statistics.Gaps++;
                RequireResync(diff.Instrument, "missed depth updates");
                break;
        }
    }

    private BinanceBookSync Sync(string instrument)
    {
        if (!_books.TryGetValue(instrument, out var sync))
        {
            sync = new BinanceBookSync(instrument);
            _books.Add(instrument, sync);
        }

        return sync;
    }
}
