using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Market;

/// <summary>
/// The features of one instrument on one venue after the last input the feature engine applied. Exact definitions
/// (which bars, which window, units) in <c>src/Grains/Market/Features/FEATURES.md</c>; in short:
/// </summary>
/// <param name="Timestamp">Greatest exchange time among the trades and book updates applied, UTC µs (never goes back).</param>
/// <param name="LastPrice">Price of the newest trade by exchange time (a late trade does not change it); 0 before the first trade.</param>
/// <param name="Vwap">Session VWAP: Σ price × size / Σ size over every trade applied since the engine started; 0 before the first trade.</param>
/// <param name="LogReturn">ln(close / previous close) of the newest closed 1 s bar, the previous close being that of the 1 s bar before it however many empty seconds lie between; 0 until two 1 s bars closed.</param>
/// <param name="RealizedVolatility">√Σr² of the 1 s log returns of the bars that opened in the last N seconds (N = volatility window) up to the newest closed 1 s bar; not annualised, no mean subtracted; 0 until the first return.</param>
/// <param name="Rsi">Wilder RSI over the closes of closed indicator-interval bars (default 1 min, period 14); null until period + 1 closes.</param>
/// <param name="Macd">MACD line (fast EMA − slow EMA, TA-Lib seeding) over the same closes; null until slow + signal − 1 closes, as TA-Lib.</param>
/// <param name="MacdSignal">EMA of the MACD line (signal period), seeded with the SMA of its first values; null with <paramref name="Macd"/>.</param>
/// <param name="MacdHistogram">MACD − signal; null with <paramref name="Macd"/>.</param>
/// <param name="BestBid">From the last book update's top; 0 when the side is empty or no book arrived.</param>
/// <param name="BestAsk">From the last book update's top; 0 when the side is empty or no book arrived.</param>
/// <param name="Spread">Best ask − best bid when both sides exist, else 0.</param>
/// <param name="BookImbalance">(bid depth − ask depth) / (bid depth + ask depth) over the best 10 levels, in [−1, 1]; null without a book or with both depths 0.</param>
/// <param name="TradeCount">Trades applied since the engine started (late ones folded into bars included, dropped ones not).</param>
/// <param name="Mid">(best bid + best ask) / 2 when both sides exist, else 0.</param>
/// <param name="SessionVolume">Σ size over every trade since the engine started: the denominator of <paramref name="Vwap"/>.</param>
/// <param name="LateTrades">Trades older than the open 1 s bar but within the late-trade tolerance, folded into the newest bars (counted in <paramref name="TradeCount"/> too).</param>
/// <param name="DroppedTrades">Trades older than the open 1 s bar by more than the late-trade tolerance: in no bar, VWAP or count.</param>
[GenerateSerializer]
[Immutable]
public sealed record FeatureSnapshot(
    [property: Id(0)] string Venue,
    [property: Id(1)] string Instrument,
    [property: Id(2)] long Timestamp,
    [property: Id(3)] decimal LastPrice,
    [property: Id(4)] decimal Vwap,
    [property: Id(5)] double LogReturn,
    [property: Id(6)] double RealizedVolatility,
    [property: Id(7)] double? Rsi,
    [property: Id(8)] double? Macd,
    [property: Id(9)] double? MacdSignal,
    [property: Id(10)] double? MacdHistogram,
    [property: Id(11)] decimal BestBid,
    [property: Id(12)] decimal BestAsk,
    [property: Id(13)] decimal Spread,
    [property: Id(14)] double? BookImbalance,
    [property: Id(15)] long TradeCount,
    [property: Id(16)] decimal Mid = 0,
    [property: Id(17)] decimal SessionVolume = 0,
    [property: Id(18)] long LateTrades = 0,
    [property: Id(19)] long DroppedTrades = 0);
