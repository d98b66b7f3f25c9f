using TgeSwarm.Feeds.Connectors;
using TgeSwarm.Feeds.Tests.Connectors.Support;

namespace TgeSwarm.Feeds.Tests.Connectors;

/// <summary>Connections that end are reopened after a backoff and subscribed again; cancellation ends the loop.</summary>
public sealed class ConnectorReconnectTests
{
    [Fact]
    public async Task A_venue_that_closes_the_socket_is_reconnected_and_resubscribed()
    {
        await using var harness = await ConnectorHarness.StartAsync(Venue.Coinbase, "/", o =>
        {
            o.Instruments.Add("BTC-USD");
            o.Instruments.Add("ETH-USD");
        });
        var first = await harness.Server.NextConnectionAsync("the first connection");
        var subscribed = await first.ReceiveAsync(3, "the first subscribe messages");

        await first.CloseAsync();
        var second = await harness.Server.NextConnectionAsync("the connection after the venue closed the first");
        var resubscribed = await second.ReceiveAsync(3, "the subscribe messages on the new connection");

        Assert.Equal(subscribed, resubscribed);
        await first.WaitEndedAsync("the client answering the close");
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, first.ClientCloseStatus);
        Assert.Equal(2, harness.Statistics.Connects);
        Assert.Equal(1, harness.Statistics.Reconnects);
        Assert.Equal(1, harness.Statistics.Disconnects(DisconnectReason.ServerClosed));
        Assert.Equal(1, harness.Statistics.TotalDisconnects);
    }

    [Fact]
    public async Task A_dropped_connection_is_reconnected_and_its_feed_counts_kept()
    {
        const string Heartbeat = """{"channel":"heartbeats","client_id":"","timestamp":"2026-08-09T21:05:48.8Z","sequence_num":0,"events":[{"current_time":"x","heartbeat_counter":1}]}""";
        await using var harness = await ConnectorHarness.StartAsync(Venue.Coinbase, "/", o => o.Instruments.Add("BTC-USD"));
        var first = await harness.Server.NextConnectionAsync("the first connection");
        await first.ReceiveAsync(3, "the first subscribe messages");
        await first.SendAsync(Heartbeat);
        await harness.Consumer.WaitUntilAsync(c => c.Flushed == 1, "the first connection's frame");

        first.Abort();
        var second = await harness.Server.NextConnectionAsync("the connection after the first was dropped");
        await second.ReceiveAsync(3, "the subscribe messages on the new connection");
        await second.SendAsync(Heartbeat);
        await harness.Consumer.WaitUntilAsync(c => c.Flushed == 2, "the second connection's frame");

        Assert.Equal(1, harness.Statistics.Disconnects(DisconnectReason.ConnectionLost));
        Assert.Equal(2, harness.Connector.FeedStatistics.Frames);
    }

    [Fact]
    public async Task A_venue_that_refuses_the_handshake_is_retried_until_it_accepts()
    {
        await using var harness = await ConnectorHarness.StartAsync(
            Venue.Okx,
            "/ws/v5/public",
            o => o.Instruments.Add("BTC-USDT"),
            server => server.RefuseWebSockets(3));

        var connection = await harness.Server.NextConnectionAsync("the connection the fourth attempt opens");
        await connection.ReceiveAsync("the subscribe");

        Assert.Equal(3, harness.Statistics.ConnectFailures);
        Assert.Equal(3, harness.Statistics.Reconnects);
        Assert.Equal(1, harness.Statistics.Connects);
        Assert.Equal(0, harness.Statistics.TotalDisconnects);
    }

    [Fact]
    public async Task A_connection_silent_past_the_silence_timeout_is_dropped_and_reopened()
    {
        await using var harness = await ConnectorHarness.StartAsync(Venue.Okx, "/ws/v5/public", o =>
        {
            o.Instruments.Add("BTC-USDT");
            o.SilenceTimeout = TimeSpan.FromMilliseconds(200);
        });
        var first = await harness.Server.NextConnectionAsync("the first connection");
        await first.ReceiveAsync("the subscribe");

        var second = await harness.Server.NextConnectionAsync("a new connection after the first stayed silent");
        await second.ReceiveAsync("the subscribe on the new connection");

        await first.WaitEndedAsync("the silent connection being dropped");
        Assert.Equal(1, harness.Statistics.Disconnects(DisconnectReason.Silence));
    }

    [Fact]
    public async Task Cancellation_stops_the_loop_and_drops_the_socket()
    {
        await using var harness = await ConnectorHarness.StartAsync(Venue.Bybit, "/v5/public/spot", o => o.Instruments.Add("BTC-USDT"));
        var connection = await harness.Server.NextConnectionAsync("the first connection");
        await connection.ReceiveAsync("the subscribe");

        await harness.StopAsync();

        await connection.WaitEndedAsync("the socket to close after cancellation");
        Assert.True(harness.Run.IsCompletedSuccessfully);
        Assert.Equal(ConnectorState.Stopped, harness.Connector.State);
        Assert.Equal(1, harness.Statistics.Disconnects(DisconnectReason.Stopped));
        Assert.Equal(0, harness.Statistics.Reconnects);
    }

    [Fact]
    public async Task Cancellation_during_the_backoff_stops_the_loop()
    {
        await using var harness = await ConnectorHarness.StartAsync(Venue.Bybit, "/v5/public/spot", o =>
        {
            o.Instruments.Add("BTC-USDT");
            o.ReconnectMinDelay = TimeSpan.FromMinutes(5);
            o.ReconnectMaxDelay = TimeSpan.FromMinutes(5);
        });
        var connection = await harness.Server.NextConnectionAsync("the first connection");
        await connection.ReceiveAsync("the subscribe");
        await connection.CloseAsync();
        await connection.WaitEndedAsync("the client answering the close");

        await harness.StopAsync();

        Assert.True(harness.Run.IsCompletedSuccessfully);
        Assert.Equal(ConnectorState.Stopped, harness.Connector.State);
        Assert.Equal(1, harness.Statistics.Connects);
    }
}
