namespace TgeSwarm.Feeds.Connectors.Protocols;

/// <summary>
/// Bybit v5 public: <c>{"op":"subscribe","args":["publicTrade.BTCUSDT","orderbook.50.BTCUSDT"]}</c>, at most 10
/// topics per message (the spot limit, applied everywhere). The endpoint decides the market: on
/// <c>/v5/public/linear</c> the same <c>BTCUSDT</c> is the perpetual, named <c>BTC-USDT-PERP</c> here. Bybit wants
/// <c>{"op":"ping"}</c> every 20 s; its pong is a frame, so a healthy connection is never silent for long. A broken
/// <c>u</c> chain is resynced by unsubscribing and subscribing the book topic, which brings a new snapshot.
/// </summary>
internal sealed class BybitProtocol(ConnectorSettings settings) : VenueProtocol(settings)
{
    private const int MaxTopicsPerMessage = 10;
    private const string PerpetualSuffix = "-PERP";

    private static readonly byte[] PingBytes = "{\"op\":\"ping\"}"u8.ToArray();

    public static VenueProfile Profile { get; } = new(
        Venue.Bybit,
        DefaultBookDepth: 50,
        BookDepths: [1, 50, 200, 1000],
        TradeChannels: ["publicTrade"],
        PingInterval: TimeSpan.FromSeconds(20),
        SilenceTimeout: TimeSpan.FromSeconds(45),
        InstrumentParts: 0,
        static s => new BybitProtocol(s));

    protected override byte[] PingMessage => PingBytes;

    public override IReadOnlyList<byte[]> SubscribeMessages()
    {
        var topics = new List<string>();
        foreach (var instrument in Settings.Instruments)
        {
            if (Settings.Trades)
            {
                topics.Add(TradeTopic(instrument));
            }

            if (Settings.Books)
            {
                topics.Add(BookTopic(instrument));
            }
        }

        return Messages("subscribe", topics);
    }

    public override IReadOnlyList<byte[]> ResubscribeBookMessages(IReadOnlyList<string> instruments)
    {
        var topics = new List<string>(instruments.Count);
        foreach (var instrument in instruments)
        {
            topics.Add(BookTopic(instrument));
        }

        return [.. Messages("unsubscribe", topics), .. Messages("subscribe", topics)];
    }

    /// <summary><c>BTC-USDT</c> and <c>BTC-USDT-PERP</c> → <c>BTCUSDT</c>.</summary>
    public override string NativeSymbol(string instrument)
    {
        var name = instrument.EndsWith(PerpetualSuffix, StringComparison.OrdinalIgnoreCase) ? instrument[..^PerpetualSuffix.Length] : instrument;
        return name.Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
    }

    /// <summary>Whether <paramref name="instrument"/> names a perpetual (required on the linear and inverse endpoints).</summary>
    public static bool IsPerpetual(string instrument) => instrument.EndsWith(PerpetualSuffix, StringComparison.OrdinalIgnoreCase);

    private string TradeTopic(string instrument) => "publicTrade." + NativeSymbol(instrument);

    private string BookTopic(string instrument) => $"orderbook.{Settings.BookDepth}.{NativeSymbol(instrument)}";

    private static List<byte[]> Messages(string op, List<string> topics)
    {
        var messages = new List<byte[]>();
        foreach (var chunk in Chunks(topics, MaxTopicsPerMessage))
        {
            messages.Add(Json(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("op", op);
                WriteStrings(writer, "args", chunk);
                writer.WriteEndObject();
            }));
        }

        return messages;
    }
}
