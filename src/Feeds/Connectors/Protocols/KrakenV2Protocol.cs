namespace TgeSwarm.Feeds.Connectors.Protocols;

/// <summary>
/// Kraken WS v2: <c>{"method":"subscribe","params":{"channel":"trade","symbol":["BTC/USD"]}}</c> and
/// <c>{…"channel":"book",…,"depth":10}</c>, with ordinary asset codes. Heartbeats arrive about once a second when
/// idle; <c>{"method":"ping"}</c> is sent too. A failed checksum is resynced by unsubscribing and subscribing the
/// book, whose new subscription starts with a snapshot.
/// </summary>
internal sealed class KrakenV2Protocol(ConnectorSettings settings) : VenueProtocol(settings)
{
    private static readonly byte[] PingBytes = "{\"method\":\"ping\"}"u8.ToArray();

    public static VenueProfile Profile { get; } = new(
        Venue.KrakenV2,
        DefaultBookDepth: 10,
        BookDepths: [10, 25, 100, 500, 1000],
        TradeChannels: ["trade"],
        PingInterval: TimeSpan.FromSeconds(30),
        SilenceTimeout: TimeSpan.FromSeconds(10),
        InstrumentParts: 2,
        static s => new KrakenV2Protocol(s));

    protected override byte[] PingMessage => PingBytes;

    public override IReadOnlyList<byte[]> SubscribeMessages()
    {
        var symbols = NativeSymbols(Settings.Instruments);
        var messages = new List<byte[]>(2);
        if (Settings.Trades)
        {
            messages.Add(Message("subscribe", "trade", symbols, depth: null));
        }

        if (Settings.Books)
        {
            messages.Add(Message("subscribe", "book", symbols, Settings.BookDepth));
        }

        return messages;
    }

    public override IReadOnlyList<byte[]> ResubscribeBookMessages(IReadOnlyList<string> instruments)
    {
        var symbols = NativeSymbols(instruments);
        return [Message("unsubscribe", "book", symbols, Settings.BookDepth), Message("subscribe", "book", symbols, Settings.BookDepth)];
    }

    /// <summary><c>BTC-USD</c> → <c>BTC/USD</c>.</summary>
    public override string NativeSymbol(string instrument) => instrument.ToUpperInvariant().Replace('-', '/');

    private static byte[] Message(string method, string channel, List<string> symbols, int? depth) => Json(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("method", method);
        writer.WriteStartObject("params");
        writer.WriteString("channel", channel);
        WriteStrings(writer, "symbol", symbols);
        if (depth is { } value)
        {
            writer.WriteNumber("depth", value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    });
}
