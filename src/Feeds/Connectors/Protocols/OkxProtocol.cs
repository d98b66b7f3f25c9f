namespace TgeSwarm.Feeds.Connectors.Protocols;

/// <summary>
/// OKX v5 public: <c>{"op":"subscribe","args":[{"channel":"trades","instId":"BTC-USDT"},{"channel":"books",…}]}</c>.
/// OKX closes a connection that receives nothing for 30 s, so the text <c>ping</c> goes out every 20 s and is
/// answered with <c>pong</c>. A broken <c>seqId</c>/<c>prevSeqId</c> chain or checksum is resynced by unsubscribing
/// and subscribing <c>books</c> (the new snapshot has <c>prevSeqId</c> −1). Instruments are OKX's own ids;
/// <c>-PERP</c> is accepted for <c>-SWAP</c>.
/// </summary>
internal sealed class OkxProtocol(ConnectorSettings settings) : VenueProtocol(settings)
{
    public const string BookChannel = "books";

    // OKX caps a subscribe request's length; 100 arguments stay far below it.
    private const int MaxArgsPerMessage = 100;

    private static readonly byte[] PingBytes = "ping"u8.ToArray();

    public static VenueProfile Profile { get; } = new(
        Venue.Okx,
        DefaultBookDepth: 400,
        BookDepths: [400],
        TradeChannels: ["trades"],
        PingInterval: TimeSpan.FromSeconds(20),
        SilenceTimeout: TimeSpan.FromSeconds(45),
        InstrumentParts: 0,
        static s => new OkxProtocol(s));

    protected override byte[] PingMessage => PingBytes;

    public override IReadOnlyList<byte[]> SubscribeMessages()
    {
        var args = new List<(string Channel, string InstId)>();
        if (Settings.Trades)
        {
            foreach (var instrument in Settings.Instruments)
            {
                args.Add((Settings.TradeChannel, NativeSymbol(instrument)));
            }
        }

        if (Settings.Books)
        {
            foreach (var instrument in Settings.Instruments)
            {
                args.Add((BookChannel, NativeSymbol(instrument)));
            }
        }

        return Messages("subscribe", args);
    }

    public override IReadOnlyList<byte[]> ResubscribeBookMessages(IReadOnlyList<string> instruments)
    {
        var args = new List<(string Channel, string InstId)>(instruments.Count);
        foreach (var instrument in instruments)
        {
            args.Add((BookChannel, NativeSymbol(instrument)));
        }

        return [.. Messages("unsubscribe", args), .. Messages("subscribe", args)];
    }

    /// <summary><c>BTC-USDT</c> stays; <c>UNI-USD-PERP</c> → <c>UNI-USD-SWAP</c>.</summary>
    public override string NativeSymbol(string instrument)
    {
        var upper = instrument.ToUpperInvariant();
        return upper.EndsWith("-PERP", StringComparison.Ordinal) ? upper[..^"PERP".Length] + "SWAP" : upper;
    }

    private static List<byte[]> Messages(string op, List<(string Channel, string InstId)> args)
    {
        var messages = new List<byte[]>();
        foreach (var chunk in Chunks(args, MaxArgsPerMessage))
        {
            messages.Add(Json(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("op", op);
                writer.WriteStartArray("args");
                foreach (var (channel, instId) in chunk)
                {
                    writer.WriteStartObject();
                    writer.WriteString("channel", channel);
                    writer.WriteString("instId", instId);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }));
        }

        return messages;
    }
}
