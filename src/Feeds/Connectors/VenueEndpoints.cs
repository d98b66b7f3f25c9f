namespace TgeSwarm.Feeds.Connectors;

/// <summary>
/// The real venues' public market-data endpoints, the defaults of <see cref="VenueConnectorOptions.WebSocketUrl"/>
/// and <see cref="VenueConnectorOptions.RestUrl"/>. A replay exchange is used by setting those options to its
/// loopback addresses instead; nothing else changes.
/// </summary>
public static class VenueEndpoints
{
    /// <summary>Binance spot streams; the connector appends <c>/stream?streams=…</c> (combined streams).</summary>
    public const string BinanceWebSocket = "wss://stream.binance.com:9443";

    /// <summary>Binance spot REST; the connector asks <c>/api/v3/depth?symbol=…&amp;limit=…</c> for book snapshots.</summary>
    public const string BinanceRest = "https://api.binance.com";

    /// <summary>Coinbase Advanced Trade market data (no authentication needed for the public channels).</summary>
    public const string CoinbaseWebSocket = "wss://advanced-trade-ws.coinbase.com";

    /// <summary>Bybit v5 public spot.</summary>
    public const string BybitSpotWebSocket = "wss://stream.bybit.com/v5/public/spot";

    /// <summary>Bybit v5 public USDT/USDC perpetuals: instruments are named <c>BTC-USDT-PERP</c> there.</summary>
    public const string BybitLinearWebSocket = "wss://stream.bybit.com/v5/public/linear";

    /// <summary>Kraken WS v1, "maintained for existing clients" (the protocol of the recorded session).</summary>
    public const string KrakenV1WebSocket = "wss://ws.kraken.com";

    /// <summary>Kraken WS v2, the current API.</summary>
    public const string KrakenV2WebSocket = "wss://ws.kraken.com/v2";

    /// <summary>OKX v5 public (trades and books; candles live on <c>/ws/v5/business</c>).</summary>
    public const string OkxWebSocket = "wss://ws.okx.com:8443/ws/v5/public";

    /// <summary>The endpoint a connector for <paramref name="venue"/> uses when none is configured (Bybit: spot).</summary>
    public static Uri DefaultWebSocketUrl(Venue venue) => new(venue switch
    {
        Venue.Binance => BinanceWebSocket,
        Venue.Coinbase => CoinbaseWebSocket,
        Venue.Bybit => BybitSpotWebSocket,
        Venue.KrakenV1 => KrakenV1WebSocket,
        Venue.KrakenV2 => KrakenV2WebSocket,
        Venue.Okx => OkxWebSocket,
        _ => throw new ArgumentOutOfRangeException(nameof(venue), venue, "No endpoint for this venue."),
    });

    /// <summary>The REST base used for book snapshots, or null for venues whose books come from the socket alone.</summary>
    public static Uri? DefaultRestUrl(Venue venue) => venue == Venue.Binance ? new Uri(BinanceRest) : null;
}
