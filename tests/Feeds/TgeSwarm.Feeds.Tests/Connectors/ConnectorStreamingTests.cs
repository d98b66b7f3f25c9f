using System.Text;
using TgeSwarm.Feeds.Tests.Connectors.Support;
using TgeSwarm.Feeds.Tests.Support;

namespace TgeSwarm.Feeds.Tests.Connectors;

/// <summary>Recorded sessions served over a real WebSocket reach the feed and the consumer exactly as when fed straight to a feed.</summary>
public sealed class ConnectorStreamingTests
{
    // Coinbase is left out only for time: its 5 MB level2 snapshot takes seconds to parse twice. Its messages are
    // checked in SubscribeMessageTests and its socket handling in ConnectorReconnectTests.
    public static TheoryData<Venue, string, string, string[], int?> Sessions => new()
    {
        { Venue.Bybit, "BYBIT.ws.3", "/v5/public/spot", ["BTC-USDT", "ETH-USDT"], 200 },
        { Venue.Bybit, "BYBIT.ws.2", "/v5/public/linear", ["BTC-USDT-PERP", "ETH-USDT-PERP", "SOL-USDT-PERP", "DOGE-USDT-PERP"], 200 },
        { Venue.KrakenV1, "KRAKEN.ws.50", "/", ["KSM-BTC", "XMR-USD", "ETH-CHF", "OMG-USD", "GRT-ETH", "WAVES-EUR", "ADA-BTC", "BTC-CHF", "SC-EUR", "OCEAN-BTC"], 1000 },
        { Venue.Okx, "OKX.ws.1", "/ws/v5/public", ["BTC-USD-220527", "UNI-USD-SWAP", "BTC-USDT"], null },
    };

    [Theory]
    [MemberData(nameof(Sessions))]
    public async Task Every_recorded_frame_reaches_the_feed_and_the_consumer_as_it_does_when_fed_directly(Venue venue, string recordedConnection, string path, string[] instruments, int? depth)
    {
        var recording = RecordedSession.Load(Recordings.PathOf(RecordedSessions.FileName(venue)));
        var frames = recording.Received(recordedConnection);
        var expected = FeedDirectly(venue, new Uri("wss://venue.example" + path), frames);
        await using var harness = await ConnectorHarness.StartAsync(venue, path, o =>
        {
            foreach (var instrument in instruments)
            {
                o.Instruments.Add(instrument);
            }

            o.BookDepth = depth;
        });

        var connection = await harness.Server.NextConnectionAsync("the first connection");
        await connection.ReceiveAsync("the first subscribe message");
        foreach (var frame in frames)
        {
            await connection.SendAsync(frame);
        }

        await harness.Consumer.WaitUntilAsync(c => c.Flushed == frames.Count, $"all {frames.Count} recorded frames");
        Assert.Equal(expected.Trades.Select(t => t.TradeId), harness.Consumer.Trades.Select(t => t.TradeId));
        Assert.Equal(expected.Books.Count, harness.Consumer.Books.Count);
        var feed = harness.Connector.FeedStatistics;
        Assert.Equal(frames.Count, feed.Frames);
        Assert.Equal(0, feed.Rejected);
        Assert.Equal(0, feed.ChecksumFailed);
        Assert.Equal(frames.Count, harness.Statistics.Frames);
        Assert.Equal(frames.Sum(f => (long)Encoding.UTF8.GetByteCount(f)), harness.Statistics.Bytes);
        Assert.Equal(1, harness.Statistics.Connects);
    }

    [Fact]
    public async Task Kraken_v1_book_checksums_verify_on_every_recorded_update_through_the_connector()
    {
        var frames = RecordedSession.Load(Recordings.Kraken).Received("KRAKEN.ws.50");
        await using var harness = await ConnectorHarness.StartAsync(Venue.KrakenV1, "/", o =>
        {
            o.Instruments.Add("XMR-USD");
            o.Trades = false;
            o.BookDepth = 1000;
        });

        var connection = await harness.Server.NextConnectionAsync("the first connection");
        await connection.ReceiveAsync("the book subscribe");
        foreach (var frame in frames)
        {
            await connection.SendAsync(frame);
        }

        await harness.Consumer.WaitUntilAsync(c => c.Flushed == frames.Count, $"all {frames.Count} recorded frames");
        Assert.Equal(4269, harness.Connector.FeedStatistics.ChecksumOk);
        Assert.Equal(0, harness.Statistics.ResyncsRequested);
    }

    [Fact]
    public async Task Binance_books_align_on_the_rest_snapshots_fetched_after_the_stream_opens()
    {
        var recording = RecordedSession.Load(Recordings.Binance);
        var frames = recording.Received("BINANCE.ws.1");
        var (expected, _) = Recordings.Replay(Venue.Binance, Recordings.Binance);
        await using var harness = await ConnectorHarness.StartAsync(
            Venue.Binance,
            "/",
            o =>
            {
                foreach (var instrument in recording.Instruments("l2_book"))
                {
                    o.Instruments.Add(instrument);
                }

                o.TradeChannel = "aggTrade";
            },
            server => server.Rest = recording.HttpBody);

        var connection = await harness.Server.NextConnectionAsync("the first connection");
        await harness.Consumer.WaitUntilAsync(c => c.Books.Count(b => b.IsSnapshot) == 4, "the four REST snapshots applied");
        foreach (var frame in frames)
        {
            await connection.SendAsync(frame);
        }

        // 4 snapshot bodies count as frames for the consumer's batches.
        await harness.Consumer.WaitUntilAsync(c => c.Flushed == frames.Count + 4, $"all {frames.Count} recorded frames");
        Assert.Equal(expected.Books.Count, harness.Consumer.Books.Count);
        Assert.Equal(expected.Trades.Count, harness.Consumer.Trades.Count);
        Assert.Equal(4, harness.Statistics.SnapshotFetches);
        Assert.Equal(0, harness.Connector.FeedStatistics.Gaps);
        Assert.Equal(0, harness.Statistics.ResyncsRequested);
    }

    [Fact]
    public async Task A_multi_megabyte_frame_is_reassembled_from_many_reads_and_parsed_whole()
    {
        const int Count = 20_000;
        var trades = string.Join(',', Enumerable.Range(0, Count).Select(i =>
            $$$"""{"i":"{{{i}}}","T":1786310821917,"p":"1923.28","v":"0.04537","S":"Sell","seq":{{{i}}},"s":"ETHUSDT","BT":false,"RPI":false}"""));
        var frame = $$"""{"topic":"publicTrade.ETHUSDT","ts":1786310821917,"type":"snapshot","data":[{{trades}}]}""";
        await using var harness = await ConnectorHarness.StartAsync(Venue.Bybit, "/v5/public/spot", o => o.Instruments.Add("ETH-USDT"));
        var connection = await harness.Server.NextConnectionAsync("the first connection");
        await connection.ReceiveAsync("the subscribe");

        await connection.SendAsync(frame);
        await connection.SendAsync(frame[..^1] + " }");
        await harness.Consumer.WaitUntilAsync(c => c.Flushed == 2, "both large frames");

        Assert.InRange(frame.Length, 2_000_000, FeedLimits.MaxFrameBytes);
        Assert.Equal(2 * Count, harness.Consumer.Trades.Count);
        Assert.Equal(Count - 1, long.Parse(harness.Consumer.Trades[^1].TradeId, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, harness.Connector.FeedStatistics.Rejected);
    }

    private static CollectingSink FeedDirectly(Venue venue, Uri endpoint, List<string> frames)
    {
        var sink = new CollectingSink();
        var feed = VenueFeeds.Create(venue, sink, endpoint);
        foreach (var frame in frames)
        {
            feed.OnFrame(Encoding.UTF8.GetBytes(frame), 0);
        }

        return sink;
    }
}
