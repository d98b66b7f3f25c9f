using TgeSwarm.Feeds;

namespace TgeSwarm.Grains.Tests.Market.Features;

/// <summary>Hand-built trades and book updates for one instrument.</summary>
internal static class MarketInputs
{
    public const long Second = 1_000_000;

    /// <summary>A minute boundary (2023-11-14 22:13:00 UTC), so second and minute buckets start together.</summary>
    public const long T0 = 1_699_999_980 * Second;

    public static Trade Trade(long timestamp, decimal price, decimal size = 1m, string instrument = "BTC-USDT") =>
        new(Venue.Binance, instrument, timestamp, price, size, TradeSide.Buy, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static BookUpdate Book(long timestamp, decimal bid, decimal bidSize, decimal ask, decimal askSize, decimal bidDepth, decimal askDepth) =>
        new(Venue.Binance, "BTC-USDT", timestamp, false, [], [], new BookTop(bid, bidSize, ask, askSize, bidDepth, askDepth));
}
