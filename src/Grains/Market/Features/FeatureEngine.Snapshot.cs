using TgeSwarm.Grains.Interfaces.Market;

namespace TgeSwarm.Grains.Market.Features;

internal sealed partial class FeatureEngine
{
    private FeatureSnapshot Snapshot()
    {
        var top = _top;
        var bothSides = top.HasBothSides;
        var depth = top.BidDepth + top.AskDepth;
        double? imbalance = _hasBook && depth > 0 ? (double)((top.BidDepth - top.AskDepth) / depth) : null;
        var macdReady = _macd.IsReady;
        return new FeatureSnapshot(
            _venue,
            _instrument,
            _timestamp,
            _lastPrice,
            _sessionVolume > 0 ? _sessionQuoteVolume / _sessionVolume : _lastPrice,
            _logReturn,
            _volatility.Value,
            _rsi.IsReady ? _rsi.Value : null,
            macdReady ? _macd.Line : null,
            macdReady ? _macd.Signal : null,
            macdReady ? _macd.Histogram : null,
            top.BestBid,
            top.BestAsk,
            bothSides ? top.BestAsk - top.BestBid : 0m,
            imbalance,
            _tradeCount,
            bothSides ? (top.BestBid + top.BestAsk) / 2 : 0m,
            _sessionVolume,
            _seconds.LateTrades,
            DroppedTrades);
    }
}
