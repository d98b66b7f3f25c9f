using System.Text;
using TgeSwarm.Feeds.Connectors;
using TgeSwarm.Feeds.Exchange;
using TgeSwarm.Feeds.Tests.Connectors.Support;
using TgeSwarm.Feeds.Tests.Support;

namespace TgeSwarm.Feeds.Tests.Connectors;

/// <summary>
/// Connectors against the replay exchange (src/Feeds/Exchange): the exchange checks their subscriptions against the
/// recorded ones and serves the recorded sessions, so a mismatch in a subscribe message, a URL or a REST path fails
/// here as it would at the venue.
/// </summary>
public sealed class ReplayExchangeConnectorTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(50);

    private static readonly string[] KrakenPairs = ["KSM-BTC", "XMR-USD", "ETH-CHF", "OMG-USD", "GRT-ETH", "WAVES-EUR", "ADA-BTC", "BTC-CHF", "SC-EUR", "OCEAN-BTC"];

    // Kraken v1 was recorded with trades and books on separate connections, and the replay picks the recorded
    // connections to serve from the first subscriptions that match one exactly: a client sending both (two messages
    // in v1) may be served only the first. So each channel is checked on its own connection, as recorded.
    public static TheoryData<Venue, string, string[], int?, bool, bool, string> Sessions => new()
    {
        { Venue.Bybit, "/v5/public/spot", ["BTC-USDT", "ETH-USDT"], 200, true, true, "BYBIT.ws.3" },
        { Venue.Bybit, "/v5/public/linear", ["BTC-USDT-PERP", "ETH-USDT-PERP", "SOL-USDT-PERP", "DOGE-USDT-PERP"], 200, true, true, "BYBIT.ws.2" },
        { Venue.Okx, "/ws/v5/public", ["BTC-USD-220527", "UNI-USD-PERP", "BTC-USDT"], null, true, true, "OKX.ws.1" },
        { Venue.KrakenV1, "/", KrakenPairs, null, true, false, "KRAKEN.ws.48" },
        { Venue.KrakenV1, "/", KrakenPairs, 1000, false, true, "KRAKEN.ws.50" },
    };

    [Theory]
    [MemberData(nameof(Sessions))]
    public async Task A_connector_subscribed_like_the_recording_gets_its_trades_and_books_from_the_replay(
        Venue venue, string path, string[] instruments, int? depth, bool trades, bool books, string recordedConnection)
    {
        var recording = RecordedSession.Load(Recordings.PathOf(RecordedSessions.FileName(venue)));
        var expected = new CollectingSink();
        var feed = VenueFeeds.Create(venue, expected, new Uri("wss://venue.example" + path));
        foreach (var frame in recording.Received(recordedConnection))
        {
            feed.OnFrame(Encoding.UTF8.GetBytes(frame), 0);
        }

        await using var exchange = await StartExchangeAsync(venue);
        await using var running = new RunningConnector(venue, exchange.Endpoint(venue).WebSocketUrl(path), null, o =>
        {
            foreach (var instrument in instruments)
            {
                o.Instruments.Add(instrument);
            }

            o.BookDepth = depth;
            o.Trades = trades;
            o.Books = books;
        });

        await running.Consumer.WaitUntilAsync(
            c => c.Trades.Count == expected.Trades.Count && c.Books.Count == expected.Books.Count,
            $"{expected.Trades.Count} trades and {expected.Books.Count} books from the replay");
        Assert.Equal(expected.Trades.Select(t => t.TradeId).Order(), running.Consumer.Trades.Select(t => t.TradeId).Order());
        Assert.Equal(0, exchange.Statistics.SubscribeMismatches);
        Assert.Equal([recordedConnection], exchange.Statistics.ConnectionDetails.Single().RecordedConnections);
        Assert.Equal(0, running.Connector.FeedStatistics.Gaps);
        Assert.Equal(0, running.Connector.FeedStatistics.ChecksumFailed);
        Assert.Equal(0, running.Connector.Statistics.TotalDisconnects);
    }

    [Fact]
    public async Task A_binance_connector_gets_its_streams_and_rest_snapshots_from_the_replay_and_aligns_every_book()
    {
        var (expected, _) = Recordings.Replay(Venue.Binance, Recordings.Binance);
        await using var exchange = await StartExchangeAsync(Venue.Binance);
        var endpoint = exchange.Endpoint(Venue.Binance);
        await using var running = new RunningConnector(Venue.Binance, endpoint.WebSocketBaseUrl, endpoint.RestBaseUrl, o =>
        {
            foreach (var instrument in RecordedSession.Load(Recordings.Binance).Instruments("l2_book"))
            {
                o.Instruments.Add(instrument);
            }

            o.TradeChannel = "aggTrade";
        });

        await running.Consumer.WaitUntilAsync(
            c => c.Trades.Count == expected.Trades.Count && c.Books.Count == expected.Books.Count,
            $"{expected.Trades.Count} trades and {expected.Books.Count} books from the replay");
        Assert.Equal(0, exchange.Statistics.SubscribeMismatches);
        Assert.Equal(0, exchange.Statistics.HttpNotFound);
        Assert.Equal(4, running.Connector.Statistics.SnapshotFetches);
        Assert.Equal(0, running.Connector.FeedStatistics.Gaps);
        Assert.Equal(0, running.Connector.Statistics.ResyncsRequested);
    }

    [Fact]
    public async Task A_replay_that_closes_mid_stream_is_reconnected_resubscribed_and_replayed_again()
    {
        await using var exchange = await StartExchangeAsync(Venue.Bybit, new ReplayFault { Kind = ReplayFaultKind.Close, At = 100, FirstConnections = 1 });
        await using var running = new RunningConnector(Venue.Bybit, exchange.Endpoint(Venue.Bybit).WebSocketUrl("/v5/public/spot"), null, o =>
        {
            o.Instruments.Add("BTC-USDT");
            o.Instruments.Add("ETH-USDT");
            o.BookDepth = 200;
        });

        // Each connection opens with a snapshot of both books.
        await running.Consumer.WaitUntilAsync(c => c.Books.Count(b => b.IsSnapshot) == 4, "both books' snapshots on the second connection");

        Assert.Equal(1, running.Connector.Statistics.Disconnects(DisconnectReason.ServerClosed));
        Assert.Equal(2, running.Connector.Statistics.Connects);
        Assert.Equal(2, exchange.Statistics.Connections);
        Assert.Equal(0, exchange.Statistics.SubscribeMismatches);
    }

    [Fact]
    public async Task A_delta_the_replay_drops_breaks_the_sequence_and_the_book_is_resubscribed()
    {
        await using var exchange = await StartExchangeAsync(Venue.Bybit, new ReplayFault { Kind = ReplayFaultKind.DropDelta, At = 5 });
        await using var running = new RunningConnector(Venue.Bybit, exchange.Endpoint(Venue.Bybit).WebSocketUrl("/v5/public/spot"), null, o =>
        {
            o.Instruments.Add("BTC-USDT");
            o.Instruments.Add("ETH-USDT");
            o.BookDepth = 200;
        });

        await running.Consumer.WaitUntilAsync(c => c.Resyncs.Count == 1, "the resync after the dropped delta");
        await running.Consumer.WaitUntilAsync(_ => running.Connector.Statistics.Resubscribes == 1, "the resubscribe");

        Assert.Equal(1, running.Connector.FeedStatistics.Gaps);
        Assert.Equal(1, running.Connector.Statistics.ResyncsRequested);
        Assert.Equal(0, exchange.Statistics.SubscribeMismatches);
        Assert.Equal(1, running.Connector.Statistics.Connects);
    }

    private static Task<ReplayExchange> StartExchangeAsync(Venue venue, params ReplayFault[] faults) =>
        ReplayExchange.StartAsync(new ReplayExchangeOptions
        {
            Venues = [venue],
            Speed = ReplayExchangeOptions.AsFastAsPossible,
            KeepOpenAtEnd = true,
            SubscribeSettle = Settle,
            Faults = [.. faults],
        });
}
