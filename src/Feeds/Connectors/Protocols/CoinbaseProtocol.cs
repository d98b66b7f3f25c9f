namespace TgeSwarm.Feeds.Connectors.Protocols;

/// <summary>
/// Coinbase Advanced Trade: one <c>{"type":"subscribe","product_ids":[…],"channel":…}</c> per channel
/// (<c>market_trades</c>, <c>level2</c>, and <c>heartbeats</c>, which keeps quiet channels open and proves the
/// connection alive once a second). Coinbase drops a connection that has not subscribed within 5 s, so the
/// messages go out right after the handshake. <c>sequence_num</c> counts the whole connection: after a break the
/// feed asks to resync every book, and <c>level2</c> is unsubscribed and subscribed again for a new snapshot.
/// </summary>
internal sealed class CoinbaseProtocol(ConnectorSettings settings) : VenueProtocol(settings)
{
    public const string TradesChannel = "market_trades";
    public const string BookChannel = "level2";
    public const string HeartbeatChannel = "heartbeats";

    public static VenueProfile Profile { get; } = new(
        Venue.Coinbase,
        DefaultBookDepth: 0,
        BookDepths: [],
        TradeChannels: [TradesChannel],
        PingInterval: TimeSpan.Zero,
        SilenceTimeout: TimeSpan.FromSeconds(10),
        InstrumentParts: 0,
        static s => new CoinbaseProtocol(s));

    public override IReadOnlyList<byte[]> SubscribeMessages()
    {
        var products = NativeSymbols(Settings.Instruments);
        var messages = new List<byte[]>(3);
        if (Settings.Trades)
        {
            messages.Add(Message("subscribe", products, TradesChannel));
        }

        if (Settings.Books)
        {
            messages.Add(Message("subscribe", products, BookChannel));
        }

        messages.Add(Message("subscribe", products, HeartbeatChannel));
        return messages;
    }

    public override IReadOnlyList<byte[]> ResubscribeBookMessages(IReadOnlyList<string> instruments)
    {
        var products = NativeSymbols(instruments);
        return [Message("unsubscribe", products, BookChannel), Message("subscribe", products, BookChannel)];
    }

    public override string NativeSymbol(string instrument) => instrument.ToUpperInvariant();

    private static byte[] Message(string type, List<string> products, string channel) => Json(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("type", type);
        WriteStrings(writer, "product_ids", products);
        writer.WriteString("channel", channel);
        writer.WriteEndObject();
    });
}
