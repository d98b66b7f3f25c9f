using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Logging;
using TgeSwarm.Feeds.Exchange;
using TgeSwarm.Feeds.Exchange.Scripts;
using TgeSwarm.Feeds.Tests.Support;
using TgeSwarm.Runtime.Testing;

namespace TgeSwarm.Feeds.Tests.Exchange;

/// <summary>Each fault as the client sees it, over a real socket.</summary>
public sealed class FaultTests
{
    [Theory]
    [InlineData(Venue.Coinbase, "COINBASE.ws.2", 5, 1, 0)]
    [InlineData(Venue.Bybit, "BYBIT.ws.3", 5, 1, 0)]
    [InlineData(Venue.Binance, "BINANCE.ws.1", 100, 1, 0)]
    [InlineData(Venue.Okx, "OKX.ws.1", 21, 0, 1)]
    [InlineData(Venue.KrakenV1, "KRAKEN.ws.50", 21, 0, 1)]
    public async Task A_dropped_delta_breaks_the_feeds_sequence_or_its_next_checksum(Venue venue, string recorded, long at, long gaps, long checksumFailures)
    {
        var (connection, frames, exchange) = await ReplayAsync(venue, recorded, new ReplayFault { Kind = ReplayFaultKind.DropDelta, At = at });
        await using (exchange)
        {
            Assert.Equal(connection.Recorded.Frames.Count - 1, frames.Count);
            var statistics = FeedHarness.Feed(venue, connection.Recorded.Address, frames, new CollectingSink(), [.. Snapshots(venue)]);
            Assert.Equal(gaps, statistics.Gaps);
            Assert.Equal(checksumFailures, statistics.ChecksumFailed);
            Assert.Equal(1, statistics.Resyncs);
            Assert.Equal(1, exchange.Statistics.FaultsInjected[ReplayFaultKind.DropDelta]);
            Assert.Equal(1, Assert.Single(exchange.Statistics.ConnectionDetails).FaultsInjected);
        }
    }

    [Fact]
    public async Task A_non_numeric_quantity_is_rejected_by_the_feed()
    {
        var (connection, frames, exchange) = await ReplayAsync(Venue.Bybit, "BYBIT.ws.3", new ReplayFault { Kind = ReplayFaultKind.CorruptQuantity, At = 3 });
        await using (exchange)
        {
            var changed = Assert.Single(frames.Zip(connection.Recorded.Frames), p => !p.First.AsSpan().SequenceEqual(p.Second.Data));
            Assert.Equal(Encoding.UTF8.GetString(changed.Second.Data).Length + 1, Encoding.UTF8.GetString(changed.First).Length);
            var statistics = FeedHarness.Feed(Venue.Bybit, connection.Recorded.Address, frames, new CollectingSink());
            Assert.Equal(1, statistics.RejectedByReason[RejectReasons.BadNumber]);
            Assert.Equal(1, exchange.Statistics.FaultsInjected[ReplayFaultKind.CorruptQuantity]);
        }
    }

    [Fact]
    public async Task A_negative_quantity_reaches_the_feed_as_a_bad_value()
    {
        var corrupt = new ReplayFault { Kind = ReplayFaultKind.CorruptQuantity, At = 2, Corruption = QuantityCorruption.Negative };
        var (connection, frames, exchange) = await ReplayAsync(Venue.Coinbase, "COINBASE.ws.2", corrupt);
        await using (exchange)
        {
            var sink = new CollectingSink();
            FeedHarness.Feed(Venue.Coinbase, connection.Recorded.Address, frames, sink);
            var level = Assert.Single(sink.Books.SelectMany(b => b.Bids.Concat(b.Asks)), l => l.Size < 0);
            Assert.Equal(-1, Math.Sign(level.Size));
        }
    }

    [Fact]
    public async Task A_duplicated_frame_arrives_twice_byte_for_byte()
    {
        var (connection, frames, exchange) = await ReplayAsync(Venue.Okx, "OKX.ws.1", new ReplayFault { Kind = ReplayFaultKind.DuplicateFrame, At = 10 });
        await using (exchange)
        {
            Assert.Equal(connection.Recorded.Frames.Count + 1, frames.Count);
            Assert.Equal(connection.Recorded.Frames[9].Data, frames[9]);
            Assert.Equal(connection.Recorded.Frames[9].Data, frames[10]);
            Assert.Equal(connection.Recorded.Frames[10].Data, frames[11]);
            Assert.Equal(connection.Recorded.Frames.Count + 1, exchange.Statistics.FramesSent[Venue.Okx]);
        }
    }

    [Fact]
    public async Task A_close_fault_closes_the_socket_right_after_the_nth_frame_and_a_reconnect_runs_clean()
    {
        var close = new ReplayFault { Kind = ReplayFaultKind.Close, At = 50, FirstConnections = 1 };
        var (connection, frames, exchange) = await ReplayAsync(Venue.Okx, "OKX.ws.1", close, expectClose: WebSocketCloseStatus.EndpointUnavailable, expectReason: "replay fault: closed after 50 frames");
        await using (exchange)
        {
            Assert.Equal(connection.Recorded.Frames.Take(50).Select(f => f.Data), frames);
            await using var again = await ExchangeClient.ConnectAsync(exchange.Endpoint(Venue.Okx).WebSocketUrls[0]);
            await again.SendAllAsync(connection.Recorded.Sends);
            Assert.Equal(connection.Recorded.Frames.Count, (await again.ReceiveUntilClosedAsync()).Count);
            Assert.Equal(WebSocketCloseStatus.NormalClosure, again.CloseStatus);
            Assert.Equal(1, exchange.Statistics.FaultsInjected[ReplayFaultKind.Close]);
            Assert.Equal(2, exchange.Statistics.Connections);
        }
    }

    [Fact]
    public async Task A_silence_sends_nothing_not_even_a_pong_until_its_time_has_passed()
    {
        var okx = SharedRecordings.Get(Venue.Okx).Connections[0];
        var clock = new FakeTimeProvider();
        using var signals = new LogSignals();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(signals).SetMinimumLevel(LogLevel.Trace));
        var silence = new ReplayFault { Kind = ReplayFaultKind.Silence, At = 20, Duration = TimeSpan.FromSeconds(30) };
        await using var exchange = await TestExchange.StartAsync(Venue.Okx, o => o.Faults = [silence], clock, loggers);
        await using var client = await ExchangeClient.ConnectAsync(exchange.Endpoint(Venue.Okx).WebSocketUrls[0]);
        await client.SendAllAsync(okx.Recorded.Sends);
        await client.ReceiveCountAsync(20);
        var injected = await signals.Next(5307).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("Silence at frame 20", injected, StringComparison.Ordinal);

        await client.SendAsync("ping");
        await signals.Next(5313).WaitAsync(TimeSpan.FromSeconds(30));
        var next = client.ReceiveAsync();
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(next.IsCompleted, "a frame arrived one second before the silence ended");
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(okx.Recorded.Frames[20].Data, await next);
        var frames = await client.ReceiveUntilClosedAsync();
        Assert.Equal(okx.Recorded.Frames.Select(f => f.Data), frames);
        Assert.Equal(1, exchange.Statistics.FaultsInjected[ReplayFaultKind.Silence]);
    }

    [Fact]
    public async Task Faults_by_probability_repeat_exactly_with_the_same_seed()
    {
        var drop = new ReplayFault { Kind = ReplayFaultKind.DropDelta, Probability = 0.05 };

        var first = await SequenceNumbersAsync(drop, seed: 7);
        var second = await SequenceNumbersAsync(drop, seed: 7);
        var other = await SequenceNumbersAsync(drop, seed: 8);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.True(first.Count < first[^1] + 1, "no delta was dropped");
    }

    private static async Task<List<long>> SequenceNumbersAsync(ReplayFault fault, int seed)
    {
        // Trades and heartbeats only: the books' snapshots weigh megabytes, and their deltas are what is dropped.
        await using var exchange = await TestExchange.StartAsync(Venue.Coinbase, o => (o.Faults, o.Seed, o.SubscribeSettle) = ([fault], seed, TimeSpan.FromMilliseconds(200)));
        await using var client = await ExchangeClient.ConnectAsync(exchange.Endpoint(Venue.Coinbase).WebSocketUrls[0]);
        await client.SendAsync("""{"type":"subscribe","product_ids":["BTC-USD"],"channels":["level2","heartbeats"]}""");
        var frames = await client.ReceiveUntilClosedAsync();
        return [.. frames.Select(f => System.Text.Json.JsonDocument.Parse(f).RootElement.GetProperty("sequence_num").GetInt64())];
    }

    private static async Task<(PreparedConnection Connection, List<byte[]> Frames, ReplayExchange Exchange)> ReplayAsync(
        Venue venue, string recorded, ReplayFault fault, WebSocketCloseStatus expectClose = WebSocketCloseStatus.NormalClosure, string expectReason = "end of recording")
    {
        var connection = SharedRecordings.Get(venue).Connections.Single(c => c.Id == recorded);
        var exchange = await TestExchange.StartAsync(venue, o => (o.Faults, o.SubscribeSettle) = ([fault], venue == Venue.KrakenV1 ? TimeSpan.FromMilliseconds(300) : o.SubscribeSettle));
        await using var client = await ExchangeClient.ConnectAsync(exchange.Endpoint(venue).WebSocketUrl(connection.Recorded.Address.PathAndQuery));
        await client.SendAllAsync(connection.Recorded.Sends);
        var frames = await client.ReceiveUntilClosedAsync();
        Assert.Equal(expectClose, client.CloseStatus);
        Assert.Equal(expectReason, client.CloseReason);
        return (connection, frames, exchange);
    }

    /// <summary>Binance's recorded depth snapshots, handed to the feed before the frames (it then drops the diffs they contain).</summary>
    private static IEnumerable<(string, byte[])> Snapshots(Venue venue) =>
        venue == Venue.Binance ? SharedRecordings.Get(venue).Recording.Http.Where(h => h.Url.AbsolutePath == "/api/v3/depth").Select(h => (h.Url.ToString(), h.Body)) : [];
}
