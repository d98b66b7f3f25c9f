using TgeSwarm.Feeds.Tests.Connectors.Support;

namespace TgeSwarm.Feeds.Tests.Connectors;

/// <summary>Oversized frames and application pings.</summary>
public sealed class ConnectorFrameTests
{
    private const string Pong = """{"success":true,"ret_msg":"pong","conn_id":"c1","op":"ping"}""";

    [Fact]
    public async Task A_frame_over_the_limit_is_read_to_its_end_counted_and_skipped_and_the_next_frame_is_parsed()
    {
        var huge = new byte[FeedLimits.MaxFrameBytes + 1024 * 1024];
        Array.Fill(huge, (byte)'x');
        await using var harness = await ConnectorHarness.StartAsync(Venue.Bybit, "/v5/public/spot", o => o.Instruments.Add("BTC-USDT"));
        var connection = await harness.Server.NextConnectionAsync("the first connection");
        await connection.ReceiveAsync("the subscribe");

        await connection.SendAsync(huge);
        await connection.SendAsync(Pong);
        await harness.Consumer.WaitUntilAsync(c => c.Flushed == 1, "the frame after the oversized one");

        Assert.Equal(1, harness.Statistics.OversizedFrames);
        Assert.Equal(2, harness.Statistics.Frames);
        Assert.Equal(huge.Length + Pong.Length, harness.Statistics.Bytes);
        Assert.Equal(1, harness.Connector.FeedStatistics.Frames);
        Assert.Equal(0, harness.Connector.FeedStatistics.Rejected);
        Assert.Equal(1, harness.Statistics.Connects);
    }

    [Theory]
    [InlineData(Venue.Bybit, "/v5/public/spot", "BTC-USDT", """{"op":"ping"}""")]
    [InlineData(Venue.Okx, "/ws/v5/public", "BTC-USDT", "ping")]
    [InlineData(Venue.KrakenV1, "/", "BTC-USD", """{"event":"ping"}""")]
    [InlineData(Venue.KrakenV2, "/v2", "BTC-USD", """{"method":"ping"}""")]
    public async Task The_venue_ping_is_sent_every_ping_interval(Venue venue, string path, string instrument, string ping)
    {
        await using var harness = await ConnectorHarness.StartAsync(venue, path, o =>
        {
            o.Instruments.Add(instrument);
            o.Trades = false;
            o.PingInterval = TimeSpan.FromMilliseconds(30);
        });
        var connection = await harness.Server.NextConnectionAsync("the first connection");
        await connection.ReceiveAsync("the subscribe");

        var pings = await connection.ReceiveAsync(4, "pings");

        // A ping is counted after its send: the fourth's arrival shows the third was counted.
        Assert.Equal([ping, ping, ping, ping], pings);
        Assert.InRange(harness.Statistics.PingsSent, 3, long.MaxValue);
    }
}
