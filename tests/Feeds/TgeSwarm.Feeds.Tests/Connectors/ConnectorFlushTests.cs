using TgeSwarm.Feeds.Tests.Connectors.Support;

namespace TgeSwarm.Feeds.Tests.Connectors;

/// <summary>The consumer is flushed when the socket has nothing more buffered, or after MaxFramesPerFlush frames.</summary>
public sealed class ConnectorFlushTests
{
    private const string Pong = """{"success":true,"ret_msg":"pong","conn_id":"c1","op":"ping"}""";

    [Fact]
    public async Task Frames_buffered_while_a_flush_is_awaited_are_flushed_in_few_batches_of_at_most_MaxFramesPerFlush()
    {
        const int Burst = 1024;
        await using var harness = await ConnectorHarness.StartAsync(Venue.Bybit, "/v5/public/spot", o =>
        {
            o.Instruments.Add("BTC-USDT");
            o.MaxFramesPerFlush = 64;
        });
        var connection = await harness.Server.NextConnectionAsync("the first connection");
        await connection.ReceiveAsync("the subscribe");

        // The first frame's flush is held, so the burst piles up in the socket meanwhile.
        var held = harness.Consumer.HoldNextFlush();
        await connection.SendAsync(Pong);
        await held.WaitAsync(Bounds.Wait);
        for (var i = 0; i < Burst; i++)
        {
            await connection.SendAsync(Pong);
        }

        harness.Consumer.OpenGate();
        await harness.Consumer.WaitUntilAsync(c => c.Batches.Sum() == Burst + 1, "every frame flushed");

        var batches = harness.Consumer.Batches;
        Assert.Equal(1, batches[0]);
        Assert.All(batches, b => Assert.InRange(b, 1, 64));
        Assert.InRange(batches.Count - 1, Burst / 64, Burst / 8);
    }

    [Fact]
    public async Task A_quiet_socket_gets_one_flush_per_frame()
    {
        await using var harness = await ConnectorHarness.StartAsync(Venue.Bybit, "/v5/public/spot", o => o.Instruments.Add("BTC-USDT"));
        var connection = await harness.Server.NextConnectionAsync("the first connection");
        await connection.ReceiveAsync("the subscribe");

        for (var i = 1; i <= 5; i++)
        {
            await connection.SendAsync(Pong);
            await harness.Consumer.WaitUntilAsync(c => c.Batches.Count == i, $"flush {i}");
        }

        Assert.Equal([1, 1, 1, 1, 1], harness.Consumer.Batches);
    }
}
