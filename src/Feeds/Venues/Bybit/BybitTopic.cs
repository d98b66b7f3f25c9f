namespace TgeSwarm.Feeds.Venues.Bybit;

internal enum BybitTopic
{
    None,
    OrderBook,
    Trade,

    /// <summary>Tickers, klines, liquidations: known, not normalised here.</summary>
    Other,
    Unknown,
}
