using System.Text;

namespace TgeSwarm.Feeds.Connectors.Protocols;

/// <summary>
/// Binance spot: everything is chosen in the URL (combined streams <c>/stream?streams=btcusdt@depth@100ms/btcusdt@trade</c>),
/// so nothing is sent after connecting. Books follow Binance's documented procedure: the diff stream is buffered by
/// the feed while a REST snapshot (<c>/api/v3/depth</c>) is fetched; a gap or a snapshot older than the buffer makes
/// the feed ask for another snapshot. The server pings at the protocol level and <c>ClientWebSocket</c> answers.
/// </summary>
internal sealed class BinanceProtocol(ConnectorSettings settings) : VenueProtocol(settings)
{
    /// <summary>The diff stream at its fastest documented rate.</summary>
    public const string DepthStream = "depth@100ms";

    // 1024 streams per connection is Binance's limit; the URL is the only place they are named.
    public const int MaxStreams = 1024;

    public static VenueProfile Profile { get; } = new(
        Venue.Binance,
        DefaultBookDepth: 1000,
        BookDepths: [5, 10, 20, 50, 100, 500, 1000, 5000],
        TradeChannels: ["trade", "aggTrade"],
        PingInterval: TimeSpan.Zero,
        // Server pings are invisible to the client API and a quiet symbol's diff stream may send nothing for a
        // while, so only a long data silence means a dead connection (the watchdog cryptofeed uses).
        SilenceTimeout: TimeSpan.FromSeconds(120),
        InstrumentParts: 2,
        static s => new BinanceProtocol(s));

    public override bool UsesRestSnapshots => true;

    public override Uri ConnectUrl
    {
        get
        {
            var streams = new StringBuilder();
            if (Settings.Books)
            {
                foreach (var instrument in Settings.Instruments)
                {
                    Append(streams, instrument, DepthStream);
                }
            }

            if (Settings.Trades)
            {
                foreach (var instrument in Settings.Instruments)
                {
                    Append(streams, instrument, Settings.TradeChannel);
                }
            }

            var builder = new UriBuilder(Settings.WebSocketUrl)
            {
                Path = Settings.WebSocketUrl.AbsolutePath.TrimEnd('/') + "/stream",
                Query = "streams=" + streams,
            };
            return builder.Uri;
        }
    }

    public override IReadOnlyList<byte[]> SubscribeMessages() => [];

    public override IReadOnlyList<byte[]> ResubscribeBookMessages(IReadOnlyList<string> instruments) => [];

    public override Uri SnapshotUrl(string instrument)
    {
        var builder = new UriBuilder(Settings.RestUrl)
        {
            Path = Settings.RestUrl.AbsolutePath.TrimEnd('/') + "/api/v3/depth",
            Query = $"symbol={NativeSymbol(instrument)}&limit={Settings.BookDepth}",
        };
        return builder.Uri;
    }

    /// <summary><c>NKN-USDT</c> → <c>NKNUSDT</c> (REST); streams use the lower-case form.</summary>
    public override string NativeSymbol(string instrument) => instrument.Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

    private void Append(StringBuilder streams, string instrument, string channel)
    {
        if (streams.Length > 0)
        {
            streams.Append('/');
        }

        streams.Append(NativeSymbol(instrument).ToLowerInvariant()).Append('@').Append(channel);
    }
}
