using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Market;

/// <summary>
/// One closed OHLCV time bar of one instrument on one venue: the trades whose exchange time falls in
/// [<see cref="OpenTime"/>, <see cref="OpenTime"/> + <see cref="IntervalSeconds"/>), buckets aligned on the Unix epoch
/// (so on UTC seconds, minutes and days). Closed bars are final: nothing revises them. Definitions in
/// <c>src/Grains/Market/Features/FEATURES.md</c>.
/// </summary>
/// <param name="Venue">The venue's name (<c>binance</c>, <c>coinbase</c>, …).</param>
/// <param name="OpenTime">Start of the bucket, UTC microseconds since the Unix epoch.</param>
/// <param name="Open">Price of the bucket's trade with the earliest exchange time (the first to arrive on a tie).</param>
/// <param name="Close">Price of the bucket's trade with the latest exchange time (the last to arrive on a tie).</param>
/// <param name="Volume">Sum of trade sizes (base currency).</param>
/// <param name="QuoteVolume">Sum of price × size (quote currency).</param>
/// <param name="TradeCount">Trades in the bar, late trades the feature engine folded into it included.</param>
[GenerateSerializer]
[Immutable]
public sealed record Bar(
    [property: Id(0)] string Venue,
    [property: Id(1)] string Instrument,
    [property: Id(2)] int IntervalSeconds,
    [property: Id(3)] long OpenTime,
    [property: Id(4)] decimal Open,
    [property: Id(5)] decimal High,
    [property: Id(6)] decimal Low,
    [property: Id(7)] decimal Close,
    [property: Id(8)] decimal Volume,
    [property: Id(9)] decimal QuoteVolume,
    [property: Id(10)] int TradeCount)
{
    /// <summary>
    /// Volume-weighted average price of the bar's trades, <see cref="QuoteVolume"/> / <see cref="Volume"/>; the
    /// close when the volume is zero (a bar of zero-size trades only).
    /// </summary>
    public decimal Vwap => Volume > 0 ? QuoteVolume / Volume : Close;

    /// <summary>End of the bucket (exclusive), UTC microseconds.</summary>
    public long EndTime => OpenTime + (IntervalSeconds * 1_000_000L);
}
