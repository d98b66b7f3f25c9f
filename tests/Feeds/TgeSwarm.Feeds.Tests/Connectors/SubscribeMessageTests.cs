using System.Text.Json;
using TgeSwarm.Feeds.Connectors;
using TgeSwarm.Feeds.Connectors.Protocols;
using TgeSwarm.Feeds.Tests.Connectors.Support;
using TgeSwarm.Feeds.Tests.Support;

namespace TgeSwarm.Feeds.Tests.Connectors;

/// <summary>
/// For each recorded session, a connector configured with the recording's instruments opens the recorded URL and
/// sends what the recording client sent, read as the venue reads it (member and list order aside), for the trade
/// and book channels the connector speaks (the recordings also subscribed tickers and candles).
/// </summary>
public sealed class SubscribeMessageTests
{
    [Fact]
    public void Binance_streams_in_the_url_are_the_recorded_depth_and_aggTrade_streams_and_snapshots_the_recorded_requests()
    {
        var recording = RecordedSession.Load(Recordings.Binance);
        var protocol = Protocol(Venue.Binance, recording.Instruments("l2_book"), o => o.TradeChannel = "aggTrade");
        var recorded = new Uri(recording.ConnectAddress("BINANCE.ws.1"));

        Assert.Equal(recorded.GetLeftPart(UriPartial.Path), protocol.ConnectUrl.GetLeftPart(UriPartial.Path));
        var expected = Streams(recorded).Where(s => s.EndsWith("@depth@100ms", StringComparison.Ordinal) || s.EndsWith("@aggTrade", StringComparison.Ordinal)).ToHashSet();
        Assert.Equal(8, expected.Count);
        Assert.Equal(expected, Streams(protocol.ConnectUrl).ToHashSet());
        Assert.Empty(protocol.SubscribeMessages());

        var depthRequests = recording.HttpUrls.Where(u => u.Contains("/api/v3/depth", StringComparison.Ordinal)).ToHashSet();
        Assert.Equal(depthRequests, recording.Instruments("l2_book").Select(i => protocol.SnapshotUrl(i).AbsoluteUri).ToHashSet());
    }

    [Fact]
    public void Coinbase_sends_the_recorded_market_trades_level2_and_heartbeats_subscriptions()
    {
        var recording = RecordedSession.Load(Recordings.Coinbase);
        var protocol = Protocol(Venue.Coinbase, recording.Instruments("l2_book"));

        Assert.Equal(new Uri(recording.ConnectAddress("COINBASE.ws.2")), protocol.ConnectUrl);
        var recorded = recording.Sent("COINBASE.ws.2")
            .Where(m => Channel(m, "channel") is CoinbaseProtocol.TradesChannel or CoinbaseProtocol.BookChannel or CoinbaseProtocol.HeartbeatChannel)
            .ToList();
        AssertSameMessages(recorded, Texts(protocol.SubscribeMessages()));
    }

    [Fact]
    public void Bybit_linear_perpetuals_subscribe_the_recorded_orderbook_200_and_publicTrade_topics()
    {
        var recording = RecordedSession.Load(Recordings.Bybit);
        var perpetuals = recording.Instruments("l2_book").Where(i => i.EndsWith("-PERP", StringComparison.Ordinal)).ToList();
        var protocol = Protocol(Venue.Bybit, perpetuals, o =>
        {
            o.WebSocketUrl = new Uri(VenueEndpoints.BybitLinearWebSocket);
            o.BookDepth = 200;
        });

        Assert.Equal(4, perpetuals.Count);
        Assert.Equal(new Uri(recording.ConnectAddress("BYBIT.ws.2")), protocol.ConnectUrl);
        AssertSameBybitTopics(recording.Sent("BYBIT.ws.2"), Texts(protocol.SubscribeMessages()));
    }

    [Fact]
    public void Bybit_spot_subscribes_the_recorded_orderbook_200_and_publicTrade_topics()
    {
        var recording = RecordedSession.Load(Recordings.Bybit);
        var spot = recording.Instruments("l2_book").Where(i => !i.EndsWith("-PERP", StringComparison.Ordinal)).ToList();
        var protocol = Protocol(Venue.Bybit, spot, o => o.BookDepth = 200);

        Assert.Equal(new Uri(recording.ConnectAddress("BYBIT.ws.3")), protocol.ConnectUrl);
        AssertSameBybitTopics(recording.Sent("BYBIT.ws.3"), Texts(protocol.SubscribeMessages()));
    }

    [Fact]
    public void Kraken_v1_sends_the_recorded_trade_and_book_1000_subscriptions_with_legacy_asset_codes()
    {
        var recording = RecordedSession.Load(Recordings.Kraken);
        var protocol = Protocol(Venue.KrakenV1, recording.Instruments("l2_book"), o => o.BookDepth = 1000);

        Assert.Equal(new Uri(recording.ConnectAddress("KRAKEN.ws.48")), protocol.ConnectUrl);
        var recorded = recording.Sent("KRAKEN.ws.48").Concat(recording.Sent("KRAKEN.ws.50")).ToList();
        AssertSameMessages(recorded, Texts(protocol.SubscribeMessages()));
    }

    [Fact]
    public void Okx_subscribes_the_recorded_trades_and_books_arguments_with_perp_named_swap()
    {
        var recording = RecordedSession.Load(Recordings.Okx);
        var protocol = Protocol(Venue.Okx, ["BTC-USD-220527", "UNI-USD-PERP", "BTC-USDT"]);

        Assert.Equal(new Uri(recording.ConnectAddress("OKX.ws.1")), protocol.ConnectUrl);
        var recorded = OkxArgs(recording.Sent("OKX.ws.1")).Where(a => a.StartsWith("trades|", StringComparison.Ordinal) || a.StartsWith("books|", StringComparison.Ordinal)).ToHashSet();
        Assert.Equal(6, recorded.Count);
        Assert.Equal(recorded, OkxArgs(Texts(protocol.SubscribeMessages())).ToHashSet());
    }

    [Fact]
    public void Kraken_v2_book_subscription_is_the_documented_example()
    {
        var protocol = Protocol(Venue.KrakenV2, ["ALGO-USD", "MATIC-USD"], o => o.Trades = false);

        AssertSameMessages(
            ["""{"method":"subscribe","params":{"channel":"book","symbol":["ALGO/USD","MATIC/USD"],"depth":10}}"""],
            Texts(protocol.SubscribeMessages()));
    }

    [Theory]
    [InlineData(Venue.Coinbase, "BTC-USD", """{"type":"unsubscribe","product_ids":["BTC-USD"],"channel":"level2"}""", """{"type":"subscribe","product_ids":["BTC-USD"],"channel":"level2"}""")]
    [InlineData(Venue.Bybit, "BTC-USDT", """{"op":"unsubscribe","args":["orderbook.50.BTCUSDT"]}""", """{"op":"subscribe","args":["orderbook.50.BTCUSDT"]}""")]
    [InlineData(Venue.KrakenV1, "BTC-USD", """{"event":"unsubscribe","pair":["XBT/USD"],"subscription":{"name":"book","depth":10}}""", """{"event":"subscribe","pair":["XBT/USD"],"subscription":{"name":"book","depth":10}}""")]
    [InlineData(Venue.KrakenV2, "BTC-USD", """{"method":"unsubscribe","params":{"channel":"book","symbol":["BTC/USD"],"depth":10}}""", """{"method":"subscribe","params":{"channel":"book","symbol":["BTC/USD"],"depth":10}}""")]
    [InlineData(Venue.Okx, "BTC-USDT", """{"op":"unsubscribe","args":[{"channel":"books","instId":"BTC-USDT"}]}""", """{"op":"subscribe","args":[{"channel":"books","instId":"BTC-USDT"}]}""")]
    public void A_book_resync_unsubscribes_then_subscribes_that_book_alone(Venue venue, string instrument, string unsubscribe, string subscribe)
    {
        var protocol = Protocol(venue, [instrument, "ETH-USD"]);

        var messages = Texts(protocol.ResubscribeBookMessages([instrument]));

        Assert.Equal(2, messages.Count);
        Assert.True(JsonSemantics.Equal(unsubscribe, messages[0]), messages[0]);
        Assert.True(JsonSemantics.Equal(subscribe, messages[1]), messages[1]);
    }

    [Fact]
    public void Bybit_spot_puts_at_most_ten_topics_in_one_subscribe()
    {
        var instruments = Enumerable.Range(0, 8).Select(i => $"COIN{i}-USDT").ToList();
        var protocol = Protocol(Venue.Bybit, instruments);

        var messages = Texts(protocol.SubscribeMessages());

        Assert.Equal([10, 6], messages.Select(m => Args(m).Count).ToList());
    }

    internal static VenueProtocol Protocol(Venue venue, IEnumerable<string> instruments, Action<VenueConnectorOptions>? configure = null)
    {
        var options = new VenueConnectorOptions { Venue = venue };
        foreach (var instrument in instruments)
        {
            options.Instruments.Add(instrument);
        }

        configure?.Invoke(options);
        var validation = new VenueConnectorOptionsValidator().Validate(null, options);
        Assert.False(validation.Failed, validation.FailureMessage);
        return VenueProfiles.Of(venue).Create(ConnectorSettings.Resolve(options));
    }

    private static List<string> Texts(IEnumerable<byte[]> messages) => [.. messages.Select(m => System.Text.Encoding.UTF8.GetString(m))];

    private static IEnumerable<string> Streams(Uri url) =>
        url.Query.TrimStart('?').Split('&').Single(p => p.StartsWith("streams=", StringComparison.Ordinal))["streams=".Length..].Split('/');

    private static string? Channel(string message, string member)
    {
        using var document = JsonDocument.Parse(message);
        return document.RootElement.TryGetProperty(member, out var value) ? value.GetString() : null;
    }

    private static List<string> Args(string message)
    {
        using var document = JsonDocument.Parse(message);
        return [.. document.RootElement.GetProperty("args").EnumerateArray().Select(a => a.ValueKind == JsonValueKind.String ? a.GetString()! : a.GetRawText())];
    }

    private static void AssertSameBybitTopics(List<string> recordedMessages, List<string> built)
    {
        var recorded = recordedMessages.SelectMany(Args).Where(t => t.StartsWith("orderbook.", StringComparison.Ordinal) || t.StartsWith("publicTrade.", StringComparison.Ordinal)).ToHashSet();
        Assert.NotEmpty(recorded);
        Assert.All(built, m => Assert.Equal("subscribe", Channel(m, "op")));
        Assert.Equal(recorded, built.SelectMany(Args).ToHashSet());
    }

    private static IEnumerable<string> OkxArgs(IEnumerable<string> messages)
    {
        foreach (var message in messages)
        {
            using var document = JsonDocument.Parse(message);
            Assert.Equal("subscribe", document.RootElement.GetProperty("op").GetString());
            foreach (var arg in document.RootElement.GetProperty("args").EnumerateArray())
            {
                yield return arg.GetProperty("channel").GetString() + "|" + arg.GetProperty("instId").GetString();
            }
        }
    }

    /// <summary>Each built message is one recorded message and each recorded one is built, as the venue reads them.</summary>
    private static void AssertSameMessages(List<string> recorded, List<string> built)
    {
        Assert.Equal(recorded.Count, built.Count);
        foreach (var message in built)
        {
            Assert.True(recorded.Exists(r => JsonSemantics.Equal(r, message)), $"not recorded: {message}");
        }

        foreach (var message in recorded)
        {
            Assert.True(built.Exists(b => JsonSemantics.Equal(b, message)), $"not built: {message}");
        }
    }
}
