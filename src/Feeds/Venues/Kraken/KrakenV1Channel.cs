namespace TgeSwarm.Feeds.Venues.Kraken;

internal enum KrakenV1Channel
{
    Unknown,
    Book,
    Trade,

    /// <summary>Ticker, spread, OHLC: known, not normalised here.</summary>
    Other,
}
