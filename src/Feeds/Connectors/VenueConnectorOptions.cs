namespace TgeSwarm.Feeds.Connectors;

/// <summary>
/// One connector: one WebSocket connection to one venue endpoint for a set of instruments. Values left null take
/// the venue's default (CONNECTORS.md lists them); <see cref="VenueConnectorOptionsValidator"/> checks the rest.
/// </summary>
public sealed class VenueConnectorOptions
{
    public Venue Venue { get; set; }

    /// <summary>
    /// The WebSocket endpoint; null means the real venue's (<see cref="VenueEndpoints"/>). For Binance this is the
    /// base to which <c>/stream?streams=…</c> is appended; for the other venues it is the endpoint itself (Bybit's path
    /// chooses spot or <c>/linear</c> perpetuals).
    /// </summary>
    public Uri? WebSocketUrl { get; set; }

    /// <summary>The REST base for Binance depth snapshots; null means <see cref="VenueEndpoints.BinanceRest"/>. Unused elsewhere.</summary>
    public Uri? RestUrl { get; set; }

    /// <summary>Normalised names (<c>BTC-USDT</c>; <c>BTC-USDT-PERP</c> on Bybit's linear endpoint), mapped to each venue's own symbols.</summary>
    public IList<string> Instruments { get; } = new List<string>();

    /// <summary>Subscribe to trades. Default true.</summary>
    public bool Trades { get; set; } = true;

    /// <summary>Subscribe to order books. Default true.</summary>
    public bool Books { get; set; } = true;

    /// <summary>
    /// Book depth: Binance's REST snapshot limit (default 1000), Bybit's <c>orderbook.{depth}</c> (default 50),
    /// Kraken's <c>depth</c> (default 10); OKX's <c>books</c> is always 400 and Coinbase's <c>level2</c> is the full
    /// book. Null: the venue default.
    /// </summary>
    public int? BookDepth { get; set; }

    /// <summary>
    /// The trade channel when not the venue's default: Binance takes <c>trade</c> (default) or <c>aggTrade</c>;
    /// the other venues have one trade channel each.
    /// </summary>
    public string? TradeChannel { get; set; }

    /// <summary>The least wait before reconnecting. Default 500 ms.</summary>
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The most a reconnect waits, however many attempts failed. Default 30 s.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// No frame for this long means the connection is dead: it is dropped and reopened. Null: the venue default,
    /// from its heartbeat rules (Coinbase and Kraken 10 s, Bybit and OKX 45 s, Binance 120 s).
    /// </summary>
    public TimeSpan? SilenceTimeout { get; set; }

    /// <summary>
    /// How often the venue's application ping is sent; <see cref="TimeSpan.Zero"/> sends none. Null: the venue
    /// default (Bybit and OKX 20 s, Kraken 30 s; Binance and Coinbase have no application ping).
    /// </summary>
    public TimeSpan? PingInterval { get; set; }

    /// <summary>The most frames read between two <see cref="IFeedConsumer.FlushAsync"/> calls. Default 256.</summary>
    public int MaxFramesPerFlush { get; set; } = 256;
}
