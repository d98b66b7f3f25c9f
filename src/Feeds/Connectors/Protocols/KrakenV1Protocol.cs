namespace TgeSwarm.Feeds.Connectors.Protocols;

/// <summary>
/// Kraken WS v1 (the recorded protocol): <c>{"event":"subscribe","pair":["XBT/USD"],"subscription":{"name":"trade"}}</c>
/// and <c>{…"subscription":{"name":"book","depth":10}}</c>, with Kraken's legacy asset codes (<c>XBT</c>,
/// <c>XDG</c>). The server sends <c>{"event":"heartbeat"}</c> every second when nothing else flows;
/// <c>{"event":"ping"}</c> is sent too. A failed book checksum is resynced by unsubscribing and subscribing the book.
/// </summary>
internal sealed class KrakenV1Protocol(ConnectorSettings settings) : VenueProtocol(settings)
{
    private static readonly byte[] PingBytes = "{\"event\":\"ping\"}"u8.ToArray();

    public static VenueProfile Profile { get; } = new(
        Venue.KrakenV1,
        DefaultBookDepth: 10,
        BookDepths: [10, 25, 100, 500, 1000],
        TradeChannels: ["trade"],
        PingInterval: TimeSpan.FromSeconds(30),
        SilenceTimeout: TimeSpan.FromSeconds(10),
        InstrumentParts: 2,
        static s => new KrakenV1Protocol(s));

    protected override byte[] PingMessage => PingBytes;

    public override IReadOnlyList<byte[]> SubscribeMessages()
    {
        var pairs = NativeSymbols(Settings.Instruments);
        var messages = new List<byte[]>(2);
        if (Settings.Trades)
        {
            messages.Add(Message("subscribe", pairs, "trade", depth: null));
        }

        if (Settings.Books)
        {
            messages.Add(Message("subscribe", pairs, "book", Settings.BookDepth));
        }

        return messages;
    }

    public override IReadOnlyList<byte[]> ResubscribeBookMessages(IReadOnlyList<string> instruments)
    {
        var pairs = NativeSymbols(instruments);
        return [Message("unsubscribe", pairs, "book", Settings.BookDepth), Message("subscribe", pairs, "book", Settings.BookDepth)];
    }

    /// <summary><c>BTC-CHF</c> → <c>XBT/CHF</c>, <c>DOGE-USD</c> → <c>XDG/USD</c>.</summary>
    public override string NativeSymbol(string instrument)
    {
        var dash = instrument.IndexOf('-', StringComparison.Ordinal);
        return dash < 0
            ? instrument.ToUpperInvariant()
            : string.Concat(Asset(instrument[..dash]), "/", Asset(instrument[(dash + 1)..]));
    }

    private static string Asset(string asset) => asset.ToUpperInvariant() switch
    {
        "BTC" => "XBT",
        "DOGE" => "XDG",
        var other => other,
    };

    private static byte[] Message(string @event, List<string> pairs, string name, int? depth) => Json(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("event", @event);
        WriteStrings(writer, "pair", pairs);
        writer.WriteStartObject("subscription");
        writer.WriteString("name", name);
        if (depth is { } value)
        {
            writer.WriteNumber("depth", value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    });
}
