using System.Text.Json.Nodes;
using TgeSwarm.Feeds.Tests.Connectors.Support;
using TgeSwarm.Feeds.Tests.Support;

namespace TgeSwarm.Feeds.Tests.Connectors;

/// <summary>A book the feed declares unusable is resynced the venue's way: a new REST snapshot on Binance, a resubscribe elsewhere.</summary>
public sealed class ConnectorResyncTests
{
    [Fact]
    public async Task A_binance_gap_fetches_a_new_rest_snapshot()
    {
        const string Depth = "/api/v3/depth?symbol=BTCUSDT&limit=1000";
        var snapshots = 0;
        await using var harness = await ConnectorHarness.StartAsync(
            Venue.Binance,
            "/",
            o => o.Instruments.Add("BTC-USDT"),
            server => server.Rest = target => target == Depth
                ? $$"""{"lastUpdateId":{{Interlocked.Increment(ref snapshots) * 100}},"bids":[["1.00","1"]],"asks":[["2.00","1"]]}"""
                : null);
        var connection = await harness.Server.NextConnectionAsync("the stream");
        await harness.Consumer.WaitUntilAsync(c => c.Books.Count(b => b.IsSnapshot) == 1, "the first snapshot applied");

        await connection.SendAsync(Diff(101, 102));
        await connection.SendAsync(Diff(105, 106));
        await harness.Consumer.WaitUntilAsync(c => c.Books.Count(b => b.IsSnapshot) == 2, "a second snapshot after the gap");

        Assert.Equal("/stream?streams=btcusdt@depth@100ms/btcusdt@trade", connection.Target);
        Assert.Equal(2, harness.Server.RestRequestCount(Depth));
        Assert.Equal(2, harness.Statistics.SnapshotFetches);
        Assert.Equal(1, harness.Statistics.ResyncsRequested);
        Assert.Equal(0, harness.Statistics.Resubscribes);
        Assert.Equal(1, harness.Connector.FeedStatistics.Gaps);
        Assert.Equal(["BTC-USDT"], harness.Consumer.Resyncs);
        Assert.Equal(3, harness.Consumer.Books.Count);
        Assert.Equal(1m, harness.Consumer.Books[^1].Top.BestBidSize);

        static string Diff(long first, long last) =>
            $$$"""{"stream":"btcusdt@depth@100ms","data":{"e":"depthUpdate","E":1633998512068,"s":"BTCUSDT","U":{{{first}}},"u":{{{last}}},"b":[["1.00","2"]],"a":[]}}""";
    }

    [Fact]
    public async Task A_bybit_u_gap_resubscribes_that_book()
    {
        await using var harness = await ConnectorHarness.StartAsync(Venue.Bybit, "/v5/public/spot", o =>
        {
            o.Instruments.Add("BTC-USDT");
            o.Trades = false;
        });
        var connection = await harness.Server.NextConnectionAsync("the first connection");
        Assert.True(JsonSemantics.Equal("""{"op":"subscribe","args":["orderbook.50.BTCUSDT"]}""", await connection.ReceiveAsync("the subscribe")));

        await connection.SendAsync(Book("snapshot", 10));
        await connection.SendAsync(Book("delta", 11));
        await connection.SendAsync(Book("delta", 13));
        var resync = await connection.ReceiveAsync(2, "the unsubscribe and subscribe of the broken book");
        await connection.SendAsync(Book("snapshot", 20));
        await harness.Consumer.WaitUntilAsync(c => c.Books.Count(b => b.IsSnapshot) == 2, "the snapshot after the resubscribe");

        Assert.True(JsonSemantics.Equal("""{"op":"unsubscribe","args":["orderbook.50.BTCUSDT"]}""", resync[0]), resync[0]);
        Assert.True(JsonSemantics.Equal("""{"op":"subscribe","args":["orderbook.50.BTCUSDT"]}""", resync[1]), resync[1]);
        Assert.Equal(1, harness.Statistics.ResyncsRequested);
        Assert.Equal(1, harness.Statistics.Resubscribes);
        Assert.Equal(1, harness.Statistics.Connects);
        Assert.Equal(3, harness.Consumer.Books.Count);

        static string Book(string type, long u) =>
            $$"""{"topic":"orderbook.50.BTCUSDT","type":"{{type}}","ts":1786310816516,"data":{"s":"BTCUSDT","b":[["100.0","1"]],"a":[["101.0","1"]],"u":{{u}},"seq":1},"cts":1786310816512}""";
    }

    [Fact]
    public async Task An_okx_seqId_gap_resubscribes_that_book()
    {
        await using var harness = await ConnectorHarness.StartAsync(Venue.Okx, "/ws/v5/public", o =>
        {
            o.Instruments.Add("BTC-USDT");
            o.Instruments.Add("ETH-USDT");
            o.Trades = false;
        });
        var connection = await harness.Server.NextConnectionAsync("the first connection");
        await connection.ReceiveAsync("the subscribe");

        await connection.SendAsync(Book("snapshot", seqId: 10, prevSeqId: -1));
        await connection.SendAsync(Book("update", seqId: 12, prevSeqId: 11));
        var resync = await connection.ReceiveAsync(2, "the unsubscribe and subscribe of the broken book");

        Assert.True(JsonSemantics.Equal("""{"op":"unsubscribe","args":[{"channel":"books","instId":"BTC-USDT"}]}""", resync[0]), resync[0]);
        Assert.True(JsonSemantics.Equal("""{"op":"subscribe","args":[{"channel":"books","instId":"BTC-USDT"}]}""", resync[1]), resync[1]);
        Assert.Equal(1, harness.Statistics.Resubscribes);
        Assert.Equal(1, harness.Connector.FeedStatistics.Gaps);

        static string Book(string action, long seqId, long prevSeqId) =>
            $$"""{"arg":{"channel":"books","instId":"BTC-USDT"},"action":"{{action}}","data":[{"asks":[["101","1","0","1"]],"bids":[["100","1","0","1"]],"ts":"1652459225505","checksum":0,"seqId":{{seqId}},"prevSeqId":{{prevSeqId}}}]}""";
    }

    [Fact]
    public async Task A_kraken_v1_checksum_mismatch_on_a_corrupted_recorded_update_resubscribes_that_pair()
    {
        var frames = RecordedSession.Load(Recordings.Kraken).Received("KRAKEN.ws.50");
        var corrupted = frames.FindIndex(f => f.StartsWith('[') && f.Contains("\"c\":", StringComparison.Ordinal));
        var update = JsonNode.Parse(frames[corrupted])!.AsArray();
        var side = update[1]!.AsObject().ContainsKey("b") ? "b" : "a";
        var level = update[1]![side]![0]!.AsArray();
        level[1] = "1" + level[1]!.GetValue<string>();
        frames[corrupted] = update.ToJsonString();
        var pair = update[3]!.GetValue<string>();
        await using var harness = await ConnectorHarness.StartAsync(Venue.KrakenV1, "/", o =>
        {
            o.Instruments.Add("XMR-USD");
            o.Instruments.Add("KSM-BTC");
            o.Trades = false;
            o.BookDepth = 1000;
        });
        var connection = await harness.Server.NextConnectionAsync("the first connection");
        await connection.ReceiveAsync("the book subscribe");

        foreach (var frame in frames.Take(corrupted + 1))
        {
            await connection.SendAsync(frame);
        }

        var resync = await connection.ReceiveAsync(2, $"the unsubscribe and subscribe of {pair}");
        Assert.True(JsonSemantics.Equal($$$"""{"event":"unsubscribe","pair":["{{{pair}}}"],"subscription":{"name":"book","depth":1000}}""", resync[0]), resync[0]);
        Assert.True(JsonSemantics.Equal($$$"""{"event":"subscribe","pair":["{{{pair}}}"],"subscription":{"name":"book","depth":1000}}""", resync[1]), resync[1]);
        Assert.Equal(1, harness.Connector.FeedStatistics.ChecksumFailed);
        Assert.Equal(1, harness.Statistics.Resubscribes);
    }
}
