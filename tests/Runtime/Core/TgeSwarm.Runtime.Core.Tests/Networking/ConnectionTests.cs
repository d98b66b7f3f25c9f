using TgeSwarm.Runtime.Networking;
using static TgeSwarm.Runtime.Tests.Networking.TestMessageWriter;

namespace TgeSwarm.Runtime.Tests.Networking;

public sealed class ConnectionTests
{
    [Fact]
    public async Task Frames_travel_both_ways_in_order_and_each_side_knows_who_the_other_is()
    {
        var server = new Transport();
        var client = new Transport();
        server.Handler.OnFrameHook = static (connection, id) => Assert.True(connection.TrySend(Create(id + 1000, payload: 16)));
        await using var listener = server.Listen(out var silo);
        await using var manager = client.SiloManager(port: 7, generation: 42);

        var connection = await manager.GetConnectionAsync(silo, CancellationToken.None);
        for (var id = 1; id <= 3; id++)
        {
            Assert.True(connection.TrySend(Create(id, payload: id * 100)));
        }

        var requests = await server.Handler.FramesAsync(3, "requests at the server");
        var responses = await client.Handler.FramesAsync(3, "responses at the client");

        Assert.Equal([1L, 2L, 3L], requests.Select(static f => f.Id));
        Assert.Equal([108, 208, 308], requests.Select(static f => f.Length));
        Assert.Equal([1001L, 1002L, 1003L], responses.Select(static f => f.Id));
        Assert.Equal(silo, connection.PeerIdentity.Silo);
        Assert.Equal(ConnectionRole.Silo, requests[0].Connection.PeerIdentity.Role);
        Assert.Equal("S127.0.0.1:7:42", requests[0].Connection.PeerIdentity.Silo!.ToString());
        Assert.Same(connection, responses[0].Connection);
    }

    [Fact]
    public async Task Frames_of_every_size_arrive_whole_and_in_order_also_where_they_cross_the_readers_buffer_segments()
    {
        var server = new Transport();
        var client = new Transport();
        await using var listener = server.Listen(out var silo);
        await using var manager = client.SiloManager();
        var connection = await manager.GetConnectionAsync(silo, CancellationToken.None);

        // Sizes from a few bytes to past the reader's 16 KiB segments, in an order that puts frame edges everywhere.
        var sizes = Enumerable.Range(0, 120).Select(static i => (i * 7919) % 40_000).ToArray();
        for (var id = 0; id < sizes.Length; id++)
        {
            Assert.True(await connection.SendAsync(Create(id, payload: sizes[id]), CancellationToken.None));
        }

        var frames = await server.Handler.FramesAsync(sizes.Length, "every frame");

        Assert.Equal(Enumerable.Range(0, sizes.Length).Select(static i => (long)i), frames.Select(static f => f.Id));
        Assert.Equal(sizes.Select(static size => size + 8), frames.Select(static f => f.Length));
    }

    [Fact]
    public async Task Small_messages_queued_during_a_write_go_out_in_one_socket_write()
    {
        var server = new Transport();
        var client = new Transport();
        await using var listener = server.Listen(out var silo);
        await using var manager = client.SiloManager();
        var connection = await manager.GetConnectionAsync(silo, CancellationToken.None);

        // Hold the writer loop on the first message so the burst is already queued when it drains.
        client.Writer.HoldNext();
        Assert.True(connection.TrySend(Create(0, payload: 32)));
        await client.Writer.Entered.WaitAsync(TimeSpan.FromSeconds(10));
        for (var id = 1; id < 100; id++)
        {
            Assert.True(connection.TrySend(Create(id, payload: 32)));
        }

        client.Writer.Release();
        var frames = await server.Handler.FramesAsync(100, "the burst");

        Assert.Equal(Enumerable.Range(0, 100).Select(static i => (long)i), frames.Select(static f => f.Id));
        Assert.Equal(100, connection.FramesSent);
        Assert.Equal(1, connection.Flushes);
    }

    [Fact]
    public async Task An_outgoing_message_over_the_maximum_frame_size_fails_alone_and_the_connection_stays_open()
    {
        var server = new Transport();
        var client = new Transport(configure: static o => o.MaxFrameSize = 4096);
        await using var listener = server.Listen(out var silo);
        await using var manager = client.SiloManager();
        var connection = await manager.GetConnectionAsync(silo, CancellationToken.None);

        var tooLarge = Create(1, payload: 10_000);
        Assert.True(connection.TrySend(tooLarge));
        Assert.True(connection.TrySend(Create(2, payload: 4000)));

        var frames = await server.Handler.FramesAsync(1, "the message after the oversized one");
        Assert.Equal(2, frames[0].Id);
        var (message, reason) = Assert.Single(client.Handler.Undelivered);
        Assert.Same(tooLarge, message);
        var error = Assert.IsType<FrameTooLargeException>(reason);
        Assert.Contains("maximum frame size of 4096 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("it was not sent", error.Message, StringComparison.Ordinal);
        Assert.False(connection.IsClosed);
        Assert.Equal(1, connection.FramesSent);
        await client.Logs.WaitForAsync(NetworkingEventIds.OutgoingFrameTooLarge, "Request #1", "the error log of the oversized message");
    }

    [Fact]
    public async Task A_message_the_codec_fails_on_comes_back_with_the_codec_error_and_the_stream_stays_intact()
    {
        var server = new Transport();
        var client = new Transport();
        await using var listener = server.Listen(out var silo);
        await using var manager = client.SiloManager();
        var connection = await manager.GetConnectionAsync(silo, CancellationToken.None);

        client.Writer.HoldNext();
        Assert.True(connection.TrySend(Create(1, payload: 10)));
        await client.Writer.Entered.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(connection.TrySend(Create(-5, payload: 10)));
        Assert.True(connection.TrySend(Create(3, payload: 10)));
        client.Writer.Release();

        var frames = await server.Handler.FramesAsync(2, "the messages around the failing one");
        Assert.Equal([1L, 3L], frames.Select(static f => f.Id));
        var (message, reason) = Assert.Single(client.Handler.Undelivered);
        Assert.Equal(-5, message.Id);
        Assert.Equal("test codec refuses message -5", Assert.IsType<InvalidOperationException>(reason).Message);
        Assert.False(connection.IsClosed);
    }

    [Fact]
    public async Task An_incoming_frame_over_the_maximum_closes_the_connection_with_a_logged_error()
    {
        var server = new Transport(configure: static o => o.MaxFrameSize = 4096);
        var client = new Transport();
        await using var listener = server.Listen(out var silo);
        await using var manager = client.SiloManager();
        var connection = await manager.GetConnectionAsync(silo, CancellationToken.None);

        Assert.True(connection.TrySend(Create(1, payload: 10_000)));

        var serverClosed = await server.Handler.ClosedAsync("the server side of the connection");
        var error = Assert.IsType<FrameTooLargeException>(serverClosed.Error);
        Assert.Contains("frame of 10008 bytes, over the maximum frame size of 4096 bytes", error.Message, StringComparison.Ordinal);
        await server.Logs.WaitForAsync(NetworkingEventIds.IncomingFrameTooLarge, "10008 bytes", "the server's error log");
        await client.Handler.ClosedAsync("the client side of the connection");
        Assert.True(connection.IsClosed);
        Assert.Equal(0, server.Handler.FramesPending);
    }

    [Fact]
    public async Task A_full_send_queue_refuses_TrySend_and_makes_SendAsync_wait_for_room()
    {
        const int Capacity = 8;
        var server = new Transport();
        var client = new Transport(configure: static o => o.SendQueueCapacity = Capacity);
        await using var listener = server.Listen(out var silo);
        await using var manager = client.SiloManager();
        var connection = await manager.GetConnectionAsync(silo, CancellationToken.None);

        // The writer loop holds the first message, so nothing drains the queue until the test says so.
        client.Writer.HoldNext();
        Assert.True(connection.TrySend(Create(0)));
        await client.Writer.Entered.WaitAsync(TimeSpan.FromSeconds(10));
        for (var id = 1; id <= Capacity; id++)
        {
            Assert.True(connection.TrySend(Create(id)));
        }

        var refused = connection.TrySend(Create(-1));
        var waiting = connection.SendAsync(Create(Capacity + 1), CancellationToken.None).AsTask();
        var waitingBeforeRelease = waiting.IsCompleted;
        var queuedBeforeRelease = connection.QueuedCount;
        client.Writer.Release();

        Assert.False(refused);
        Assert.False(waitingBeforeRelease);
        Assert.Equal(Capacity, queuedBeforeRelease);
        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        var frames = await server.Handler.FramesAsync(Capacity + 2, "every accepted message");
        Assert.Equal(Enumerable.Range(0, Capacity + 2).Select(static i => (long)i), frames.Select(static f => f.Id));
        Assert.Empty(client.Handler.Undelivered);
    }

    [Fact]
    public async Task A_receiver_that_stops_reading_makes_SendAsync_wait_instead_of_memory_growing()
    {
        const int Capacity = 8;
        var server = new Transport();
        var client = new Transport(configure: static o => o.SendQueueCapacity = Capacity);
        using var reading = new ManualResetEventSlim(false);
        // The server's receive loop blocks in its first frame: nothing more is read, TCP buffers fill up.
        server.Handler.OnFrameHook = (_, _) => reading.Wait(TimeSpan.FromSeconds(20));
        await using var listener = server.Listen(out var silo);
        await using var manager = client.SiloManager();
        var connection = await manager.GetConnectionAsync(silo, CancellationToken.None);
        try
        {
            // Bounded: loopback socket buffers hold a few MB, i.e. well under 1000 messages of 64 KiB.
            Task<bool>? waiting = null;
            var accepted = 0;
            for (var id = 0; id < 5_000 && waiting is null; id++)
            {
                var send = connection.SendAsync(Create(id, payload: 64 * 1024), CancellationToken.None);
                if (!send.IsCompleted)
                {
                    waiting = send.AsTask();
                    break;
                }

                Assert.True(await send);
                accepted++;
            }

            Assert.NotNull(waiting);
            Assert.InRange(connection.QueuedCount, 0, Capacity);

            reading.Set();
            Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
            var frames = await server.Handler.FramesAsync(accepted + 1, "every message once the receiver reads again");
            Assert.Equal(Enumerable.Range(0, accepted + 1).Select(static i => (long)i), frames.Select(static f => f.Id));
            Assert.Empty(client.Handler.Undelivered);
        }
        finally
        {
            reading.Set();
        }
    }

    [Fact]
    public async Task A_killed_peer_fires_OnClosed_and_every_queued_message_comes_back_undelivered()
    {
        var server = new Transport();
        var client = new Transport();
        var listener = server.Listen(out var silo);
        await using var manager = client.SiloManager();
        var connection = await manager.GetConnectionAsync(silo, CancellationToken.None);
        var closing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closing.Register(() => closing.TrySetResult());

        client.Writer.HoldNext();
        var sent = Enumerable.Range(1, 5).Select(static id => Create(id, payload: 8)).ToList();
        Assert.True(connection.TrySend(sent[0]));
        await client.Writer.Entered.WaitAsync(TimeSpan.FromSeconds(10));
        foreach (var message in sent.Skip(1))
        {
            Assert.True(connection.TrySend(message));
        }

        await listener.StopAsync(CancellationToken.None);
        await closing.Task.WaitAsync(TimeSpan.FromSeconds(10));
        client.Writer.Release();

        var closed = await client.Handler.ClosedAsync("the client after the listener stopped");
        await connection.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Same(connection, closed.Connection);
        Assert.Equal(sent, client.Handler.Undelivered.Select(static u => u.Message));
        Assert.All(client.Handler.Undelivered, static u => Assert.IsType<ConnectionClosedException>(u.Reason));
        Assert.False(connection.TrySend(Create(99)));
        Assert.False(await connection.SendAsync(Create(100), CancellationToken.None));
        Assert.Equal(0, client.Handler.ClosedPending);
        Assert.Equal(0, connection.FramesSent);
    }
}
