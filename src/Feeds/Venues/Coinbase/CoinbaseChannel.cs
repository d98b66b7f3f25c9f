namespace TgeSwarm.Feeds.Venues.Coinbase;

internal enum CoinbaseChannel
{
    None,
    Level2,
    Trades,

    /// <summary>Heartbeats, tickers, candles, subscription acks: known, not normalised here.</summary>
    Other,
    Unknown,
}
