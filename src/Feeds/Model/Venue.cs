namespace TgeSwarm.Feeds;

/// <summary>The exchange feeds the product understands; Kraken has two protocol generations side by side.</summary>
public enum Venue
{
    Binance,
    Coinbase,
    Bybit,

    /// <summary>Kraken WS v1 (<c>wss://ws.kraken.com</c>), the protocol of the recorded session.</summary>
    KrakenV1,

    /// <summary>Kraken WS v2 (<c>wss://ws.kraken.com/v2</c>), the current API.</summary>
    KrakenV2,
    Okx,
}
