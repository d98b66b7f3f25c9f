using System.Net;
using System.Net.Sockets;
using TgeSwarm.Runtime.Networking;

namespace TgeSwarm.Runtime.Tests.Networking;

public sealed class ConnectionManagerTests
{
    [Fact]
    public async Task Concurrent_callers_of_one_silo_share_one_connection()
    {
        var server = new Transport();
        var client = new Transport();
        await using var listener = server.Listen(out var silo);
        await using var manager = client.SiloManager();

        var connections = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => manager.GetConnectionAsync(silo, CancellationToken.None).AsTask())));

        Assert.All(connections, c => Assert.Same(connections[0], c));
        Assert.True(connections[0].TrySend(TestMessageWriter.Create(1)));
        await server.Handler.FramesAsync(1, "a frame over the shared connection");
        Assert.Single(listener.Connections);
    }

    [Fact]
    public async Task A_closed_connection_is_replaced_on_the_next_call()
    {
        var server = new Transport();
        var client = new Transport();
        await using var listener = server.Listen(out var silo);
        await using var manager = client.SiloManager();
        var first = await manager.GetConnectionAsync(silo, CancellationToken.None);

        await first.CloseAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var second = await manager.GetConnectionAsync(silo, CancellationToken.None);

        Assert.NotSame(first, second);
        Assert.False(second.IsClosed);
        Assert.Null((await client.Handler.ClosedAsync("the first connection")).Error);
        Assert.True(second.TrySend(TestMessageWriter.Create(2)));
        Assert.Equal(2, Assert.Single(await server.Handler.FramesAsync(1, "a frame on the new connection")).Id);
    }

    [Fact]
    public async Task Connecting_to_a_closed_port_fails_clearly_then_fails_fast_until_the_retry_delay_passed()
    {
        var clock = new ManualClock();
        var client = new Transport(configure: static o => o.ConnectionRetryDelay = TimeSpan.FromSeconds(1), time: clock);
        await using var manager = client.SiloManager();
        var nobody = new SiloAddress(ClosedPort(), 1);

        var first = await Assert.ThrowsAsync<ConnectionFailedException>(() => manager.GetConnectionAsync(nobody, CancellationToken.None).AsTask())
            .WaitAsync(TimeSpan.FromSeconds(10));
        var second = await Assert.ThrowsAsync<ConnectionFailedException>(() => manager.GetConnectionAsync(nobody, CancellationToken.None).AsTask());
        clock.Advance(TimeSpan.FromSeconds(1.5));
        var third = await Assert.ThrowsAsync<ConnectionFailedException>(() => manager.GetConnectionAsync(nobody, CancellationToken.None).AsTask())
            .WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal($"Could not connect to silo {nobody}: ConnectionRefused (Connection refused).", first.Message);
        Assert.True(first.IsTransient);
        Assert.Same(first, second.InnerException);
        Assert.Contains("ConnectionRetryDelay is 00:00:01", second.Message, StringComparison.Ordinal);
        Assert.StartsWith("Could not connect to silo", third.Message, StringComparison.Ordinal);
        Assert.Equal(2, client.Logs.Entries.Count(static e => e.EventId == NetworkingEventIds.ConnectFailed));
    }

    [Fact]
    public async Task A_silo_that_never_answers_the_connect_fails_after_the_open_connection_timeout()
    {
        var client = new Transport(configure: static o => o.OpenConnectionTimeout = TimeSpan.FromMilliseconds(300));
        await using var manager = client.SiloManager();
        // A listener that never accepts, with its backlog taken by one connection: the kernel drops further SYNs.
        using var stuck = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        stuck.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        stuck.Listen(0);
        using var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await filler.ConnectAsync(stuck.LocalEndPoint!);
        var silent = new SiloAddress((IPEndPoint)stuck.LocalEndPoint!, 1);

        var error = await Assert.ThrowsAsync<ConnectionFailedException>(() => manager.GetConnectionAsync(silent, CancellationToken.None).AsTask())
            .WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal($"Could not connect to silo {silent} within 00:00:00.3000000 (ConnectionOptions.OpenConnectionTimeout).", error.Message);
    }

    [Fact]
    public async Task Abort_closes_the_connection_and_reports_why()
    {
        var server = new Transport();
        var client = new Transport();
        await using var listener = server.Listen(out var silo);
        await using var manager = client.SiloManager();
        var connection = await manager.GetConnectionAsync(silo, CancellationToken.None);

        manager.Abort(silo);

        var closed = await client.Handler.ClosedAsync("the aborted connection");
        Assert.Same(connection, closed.Connection);
        Assert.Equal($"The connection to {silo} was aborted.", Assert.IsType<ConnectionClosedException>(closed.Error).Message);
        Assert.Null((await server.Handler.ClosedAsync("the silo's side")).Error);
    }

    [Fact]
    public async Task Disposing_the_manager_closes_its_connections()
    {
        var server = new Transport();
        var client = new Transport();
        await using var listener = server.Listen(out var silo);
        var manager = client.SiloManager();
        var connection = await manager.GetConnectionAsync(silo, CancellationToken.None);

        await manager.DisposeAsync();

        Assert.True(connection.Closed.IsCompletedSuccessfully);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => manager.GetConnectionAsync(silo, CancellationToken.None).AsTask());
    }

    /// <summary>A loopback port nothing listens on: bound, then released.</summary>
    private static IPEndPoint ClosedPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return (IPEndPoint)socket.LocalEndPoint!;
    }
}
