using System.Net.WebSockets;
using System.Text.Json;
using TgeSwarm.Feeds.Exchange.Scripts;
using TgeSwarm.Feeds.Tests.Support;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Feeds.Tests.Exchange;

/// <summary>Subscriptions are checked by meaning against the recording; what a client did not subscribe to is not sent.</summary>
public sealed class SubscriptionTests
{
    [Fact]
    public async Task Bybit_topics_in_one_message_in_another_order_with_a_request_id_get_the_recorded_connection()
    {
        var spot = Connection(Venue.Bybit, "/v5/public/spot");
        await using var exchange = await TestExchange.StartAsync(Venue.Bybit);
        await using var client = await ExchangeClient.ConnectAsync(exchange.Endpoint(Venue.Bybit).WebSocketUrl("/v5/public/spot"));
        var topics = spot.Keys.Order(StringComparer.Ordinal).Reverse();

        await client.SendAsync($$"""{ "req_id": "abc", "args": [{{string.Join(", ", topics.Select(t => $"\"{t}\""))}}], "op": "subscribe" }""");

        var frames = await client.ReceiveUntilClosedAsync();
        Assert.Equal(spot.Recorded.Frames.Select(f => f.Data), frames);
    }

    [Fact]
    public async Task Okx_args_with_reordered_keys_and_an_id_in_one_message_get_the_recorded_connection()
    {
        var okx = Connection(Venue.Okx, "/ws/v5/public");
        await using var exchange = await TestExchange.StartAsync(Venue.Okx);
        await using var client = await ExchangeClient.ConnectAsync(exchange.Endpoint(Venue.Okx).WebSocketUrls[0]);
        var args = okx.Keys.Select(k => k.Split(':')).Select(k => $$"""{"instId":"{{k[1]}}", "channel":"{{k[0]}}"}""");

        await client.SendAsync($$"""{"id":"42","op":"subscribe","args":[{{string.Join(",", args)}}]}""");

        Assert.Equal(okx.Recorded.Frames.Select(f => f.Data), await client.ReceiveUntilClosedAsync());
    }

    [Fact]
    public async Task A_Coinbase_subset_gets_only_its_channels_renumbered_without_gaps_once_the_subscribe_settles()
    {
        var coinbase = Connection(Venue.Coinbase, "/");
        await using var exchange = await TestExchange.StartAsync(Venue.Coinbase, o => o.SubscribeSettle = TimeSpan.FromMilliseconds(200));
        await using var client = await ExchangeClient.ConnectAsync(exchange.Endpoint(Venue.Coinbase).WebSocketUrls[0]);

        // No level2: its snapshots weigh megabytes, and trades and heartbeats show the renumbering as well.
        await client.SendAsync("""{"type":"subscribe","product_ids":["BTC-USD","ETH-USD"],"channels":["market_trades","heartbeats"]}""");

        var frames = await client.ReceiveUntilClosedAsync();
        var wanted = new HashSet<string> { "market_trades", "heartbeats", "subscriptions" };
        var expected = coinbase.Recorded.Frames.Count(f => wanted.Contains(ChannelOf(f.Data)));
        Assert.Equal(expected, frames.Count);
        Assert.All(frames, f => Assert.Contains(ChannelOf(f), wanted));
        Assert.Equal(Enumerable.Range(0, frames.Count).Select(i => (long)i), frames.Select(SequenceOf));
        var statistics = FeedHarness.Feed(Venue.Coinbase, coinbase.Recorded.Address, frames, new CollectingSink());
        var recorded = SharedRecordings.RecordedStatistics(Venue.Coinbase);
        Assert.Equal(0, statistics.Gaps);
        Assert.Equal(recorded.Trades, statistics.Trades);
        Assert.Equal(0, statistics.Books);
    }

    [Fact]
    public async Task One_Kraken_connection_subscribing_trades_and_books_is_served_both_recorded_connections_merged()
    {
        var kraken = SharedRecordings.Get(Venue.KrakenV1);
        var trades = kraken.Connections.Single(c => c.Keys.All(k => k.StartsWith("trade:", StringComparison.Ordinal)));
        var books = kraken.Connections.Single(c => c.Keys.All(k => k.StartsWith("book-1000:", StringComparison.Ordinal)));
        // Two of the three connections recorded at "/": the replay starts once the subscribes settle.
        await using var exchange = await TestExchange.StartAsync(Venue.KrakenV1, o => o.SubscribeSettle = TimeSpan.FromSeconds(1));
        await using var client = await ExchangeClient.ConnectAsync(exchange.Endpoint(Venue.KrakenV1).WebSocketUrls[0]);

        await client.SendAllAsync([.. trades.Recorded.Sends, .. books.Recorded.Sends]);

        var frames = await client.ReceiveUntilClosedAsync();
        Assert.Equal(trades.Recorded.Frames.Count + books.Frames.Count(f => books.Owns(f.Key)), frames.Count);
        var statistics = FeedHarness.Feed(Venue.KrakenV1, books.Recorded.Address, frames, new CollectingSink());
        var recorded = SharedRecordings.RecordedStatistics(Venue.KrakenV1);
        Assert.Equal(recorded.Trades, statistics.Trades);
        Assert.Equal(recorded.Books, statistics.Books);
        Assert.Equal(4269, statistics.ChecksumOk);
        Assert.Equal(0, statistics.ChecksumFailed + statistics.Rejected);
        var connection = Assert.Single(exchange.Statistics.ConnectionDetails);
        Assert.Equal([trades.Id, books.Id], connection.RecordedConnections);
    }

    [Fact]
    public async Task A_subscription_the_recording_lacks_is_closed_with_a_reason_naming_it()
    {
        await using var exchange = await TestExchange.StartAsync(Venue.Bybit);
        await using var client = await ExchangeClient.ConnectAsync(exchange.Endpoint(Venue.Bybit).WebSocketUrl("/v5/public/spot"));

        await client.SendAsync("""{"op":"subscribe","args":["publicTrade.BTCUSDT","orderbook.50.BTCUSDT"]}""");

        Assert.Empty(await client.ReceiveUntilClosedAsync());
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, client.CloseStatus);
        Assert.Equal("subscribe mismatch: not in the recording: orderbook.50.BTCUSDT", client.CloseReason);
        Assert.Equal(1, exchange.Statistics.SubscribeMismatches);
    }

    [Fact]
    public async Task A_Binance_stream_list_the_recording_lacks_is_closed_with_a_reason_naming_the_stream()
    {
        await using var exchange = await TestExchange.StartAsync(Venue.Binance);
        await using var client = await ExchangeClient.ConnectAsync(exchange.Endpoint(Venue.Binance).WebSocketUrl("/stream?streams=nknusdt@depth@100ms/btcusdt@trade"));

        Assert.Empty(await client.ReceiveUntilClosedAsync());
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, client.CloseStatus);
        Assert.Equal("subscribe mismatch: not in the recording: btcusdt@trade", client.CloseReason);
    }

    [Fact]
    public async Task A_Binance_url_naming_some_recorded_streams_gets_exactly_their_frames()
    {
        var binance = Connection(Venue.Binance, "/stream");
        await using var exchange = await TestExchange.StartAsync(Venue.Binance);
        await using var client = await ExchangeClient.ConnectAsync(exchange.Endpoint(Venue.Binance).WebSocketUrl("/stream?streams=nknusdt@depth@100ms/nknusdt@aggTrade"));

        var frames = await client.ReceiveUntilClosedAsync();

        // Stream names are matched case-insensitively: the exchange keys them in lower case.
        var expected = binance.Frames.Where(f => f.Key is "nknusdt@depth@100ms" or "nknusdt@aggtrade").Select(f => f.Bytes);
        Assert.Equal(expected, frames);
    }

    [Fact]
    public async Task A_Binance_client_may_subscribe_by_message_on_a_url_without_streams()
    {
        var binance = Connection(Venue.Binance, "/stream");
        await using var exchange = await TestExchange.StartAsync(Venue.Binance);
        await using var client = await ExchangeClient.ConnectAsync(exchange.Endpoint(Venue.Binance).WebSocketUrl("/stream"));
        var streams = string.Join(",", binance.Keys.Select(k => $"\"{k}\""));

        await client.SendAsync($$"""{"method":"SUBSCRIBE","params":[{{streams}}],"id":3}""");

        Assert.Equal("""{"result":null,"id":3}""", await client.ReceiveTextAsync());
        Assert.Equal(binance.Recorded.Frames.Count + 1, (await client.ReceiveUntilClosedAsync()).Count);
    }

    [Fact]
    public async Task A_client_that_does_not_subscribe_in_time_is_closed()
    {
        var clock = new FakeTimeProvider();
        await using var exchange = await TestExchange.StartAsync(Venue.Okx, o => (o.SubscribeTimeout, o.SubscribeSettle) = (TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1)), clock);
        await using var client = await ExchangeClient.ConnectAsync(exchange.Endpoint(Venue.Okx).WebSocketUrls[0]);
        var closed = client.ReceiveAsync();

        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Null(await closed);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, client.CloseStatus);
        Assert.StartsWith("no subscription within 10 s; recorded: books:BTC-USD-220527", client.CloseReason, StringComparison.Ordinal);
        Assert.Equal(1, exchange.Statistics.SubscribeTimeouts);
    }

    [Theory]
    [InlineData(Venue.Bybit, "/v5/public/linear", """{"req_id":"p1","op":"ping"}""", """{"success":true,"ret_msg":"pong","conn_id":"replay-exchange","req_id":"p1","op":"ping"}""")]
    [InlineData(Venue.Okx, "/ws/v5/public", "ping", "pong")]
    [InlineData(Venue.KrakenV1, "/", """{"event":"ping","reqid":7}""", """{"event":"pong","reqid":7}""")]
    public async Task Pings_are_answered_as_the_venue_answers_them(Venue venue, string path, string ping, string pong)
    {
        await using var exchange = await TestExchange.StartAsync(venue);
        await using var client = await ExchangeClient.ConnectAsync(exchange.Endpoint(venue).WebSocketUrl(path));

        await client.SendAsync(ping);

        Assert.Equal(pong, await client.ReceiveTextAsync());
    }

    private static PreparedConnection Connection(Venue venue, string path) => SharedRecordings.Get(venue).Connections.Single(c => c.Recorded.Path == path);

    private static string ChannelOf(byte[] frame) => JsonDocument.Parse(frame).RootElement.GetProperty("channel").GetString()!;

    private static long SequenceOf(byte[] frame) => JsonDocument.Parse(frame).RootElement.GetProperty("sequence_num").GetInt64();
}
