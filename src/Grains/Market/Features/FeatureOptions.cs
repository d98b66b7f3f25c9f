namespace TgeSwarm.Grains.Market.Features;

/// <summary>The feature engine's indicator settings (section <c>Market:Features</c>); definitions in FEATURES.md.</summary>
public sealed class FeatureOptions
{
    public const string SectionName = "Market:Features";

    /// <summary>Wilder RSI period, in indicator bars. Default 14.</summary>
    public int RsiPeriod { get; set; } = 14;

    /// <summary>MACD fast EMA period, in indicator bars; below <see cref="MacdSlowPeriod"/>. Default 12.</summary>
    public int MacdFastPeriod { get; set; } = 12;

    /// <summary>MACD slow EMA period, in indicator bars. Default 26.</summary>
    public int MacdSlowPeriod { get; set; } = 26;

    /// <summary>MACD signal EMA period, in MACD values. Default 9.</summary>
    public int MacdSignalPeriod { get; set; } = 9;

    /// <summary>
    /// Realised volatility window, in 1 s intervals (empty seconds included, as zero returns). Default 60: the
    /// volatility of the last minute, not annualised.
    /// </summary>
    public int VolatilityWindowBars { get; set; } = 60;

    /// <summary>
    /// Interval of the bars whose closes feed RSI and MACD, in seconds; must divide a day (86 400) so buckets align on
    /// UTC days. Default 60. With an interval other than 1 and 60 the engine also builds and publishes those bars.
    /// </summary>
    public int IndicatorBarSeconds { get; set; } = 60;

    /// <summary>
    /// How much older than the open 1 s bar a trade may be and still be folded into the newest bars; an older one is
    /// dropped and counted. Small disorder (two connections' clocks) is folded so volumes add up; a venue's replay of
    /// history (Coinbase sends its recent trades on subscribe, newest first) is dropped rather than piled into one
    /// second. Default 5 s; zero folds only trades of the open bar's own second.
    /// </summary>
    public TimeSpan LateTradeTolerance { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Closed bars the engine holds for the next update; when nobody takes updates the oldest beyond this are dropped
    /// and counted. Default 1024 (17 min of 1 s bars).
    /// </summary>
    public int BarsKept { get; set; } = 1024;
}
