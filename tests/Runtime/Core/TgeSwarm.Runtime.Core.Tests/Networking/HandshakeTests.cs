using System.Net;
using System.Net.Sockets;
using System.Text;
using TgeSwarm.Runtime.Networking;

namespace TgeSwarm.Runtime.Tests.Networking;

public sealed class HandshakeTests
{
    [Fact]
    public async Task A_peer_with_the_wrong_secret_is_refused_and_both_sides_log_why()
    {
        var server = new Transport(secret: "right");
        var client = new Transport(secret: "wrong");
        await using var listener = server.Listen(out var silo);
        await using var manager = client.SiloManager();

        var error = await Assert.ThrowsAsync<ConnectionRefusedException>(() => manager.GetConnectionAsync(silo, CancellationToken.None).AsTask());

        Assert.Equal(HandshakeRefusal.SecretMismatch, error.Refusal);
        Assert.Contains("could not prove it knows the cluster secret", error.Message, StringComparison.Ordinal);
        var port = silo.Endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var clientLog = await client.Logs.WaitForAsync(NetworkingEventIds.HandshakeRefused, "SecretMismatch", "the client's refusal");
        Assert.Contains($"127.0.0.1:{port}", clientLog.Message, StringComparison.Ordinal);
        var serverLog = await server.Logs.WaitForAsync(NetworkingEventIds.HandshakeRefusedByPeer, "SecretMismatch", "the server's log of the refusal");
        Assert.Contains("127.0.0.1:", serverLog.Message, StringComparison.Ordinal);
        Assert.Empty(listener.Connections);
    }

    [Fact]
    public async Task A_silo_refuses_a_client_with_the_wrong_secret_itself()
    {
        var server = new Transport(secret: "right");
        var client = new Transport(secret: "wrong");
        await using var listener = server.Listen(out var silo);
        await using var manager = client.ClientManager("client-1");

        // Whoever checks first refuses; an unauthenticated client must never see a connection either way.
        var error = await Assert.ThrowsAsync<ConnectionRefusedException>(() => manager.ConnectAsync(silo.Endpoint, CancellationToken.None).AsTask());

        Assert.Equal(HandshakeRefusal.SecretMismatch, error.Refusal);
        await server.Logs.WaitForAsync(NetworkingEventIds.HandshakeRefusedByPeer, "SecretMismatch", "the silo's log");
    }

    [Fact]
    public async Task A_secret_on_one_side_only_is_refused()
    {
        var server = new Transport(secret: null);
        var client = new Transport(secret: "something");
        await using var listener = server.Listen(out var silo);
        await using var manager = client.SiloManager();

        var error = await Assert.ThrowsAsync<ConnectionRefusedException>(() => manager.GetConnectionAsync(silo, CancellationToken.None).AsTask());

        Assert.Equal(HandshakeRefusal.SecretMismatch, error.Refusal);
    }

    [Fact]
    public async Task An_unauthenticated_cluster_connects_and_the_listener_warns_once()
    {
        var server = new Transport(secret: "");
        var client = new Transport(secret: null);
        await using var listener = server.Listen(out var silo);
        await using var manager = client.SiloManager();

        var connection = await manager.GetConnectionAsync(silo, CancellationToken.None);

        Assert.Equal(silo, connection.PeerIdentity.Silo);
        Assert.Single(server.Logs.Entries, static e => e.EventId == NetworkingEventIds.ClusterUnauthenticated);
    }

    [Fact]
    public async Task A_peer_of_another_cluster_is_refused_with_both_cluster_ids_named()
    {
        var server = new Transport(clusterId: "blue");
        var client = new Transport(clusterId: "green");
        await using var listener = server.Listen(out var silo);
        await using var manager = client.SiloManager();

        var error = await Assert.ThrowsAsync<ConnectionRefusedException>(() => manager.GetConnectionAsync(silo, CancellationToken.None).AsTask());

        Assert.Equal(HandshakeRefusal.ClusterIdMismatch, error.Refusal);
        Assert.Contains("the peer is in cluster 'green', this side in 'blue'", error.Message, StringComparison.Ordinal);
        await server.Logs.WaitForAsync(NetworkingEventIds.HandshakeRefused, "ClusterIdMismatch", "the server's refusal");
        await client.Logs.WaitForAsync(NetworkingEventIds.HandshakeRefusedByPeer, "ClusterIdMismatch", "the client's log of the refusal");
    }

    [Fact]
    public async Task Dialling_a_silo_that_answers_with_another_generation_is_refused()
    {
        var server = new Transport();
        var client = new Transport();
        await using var listener = server.Listen(out var silo, generation: 1000);
        await using var manager = client.SiloManager();
        var previousLife = new SiloAddress(silo.Endpoint, 999);

        var error = await Assert.ThrowsAsync<ConnectionRefusedException>(() => manager.GetConnectionAsync(previousLife, CancellationToken.None).AsTask());

        Assert.Equal(HandshakeRefusal.UnexpectedSilo, error.Refusal);
        Assert.Contains($"{previousLife} was dialled but {silo} answered", error.Message, StringComparison.Ordinal);
        await server.Logs.WaitForAsync(NetworkingEventIds.HandshakeRefusedByPeer, "UnexpectedSilo", "the server's log of the refusal");
    }

    [Fact]
    public async Task A_client_reaches_a_gateway_and_learns_which_silo_answered()
    {
        var server = new Transport();
        var client = new Transport();
        await using var listener = server.Listen(out var silo);
        await using var manager = client.ClientManager("client-7");

        var connection = await manager.ConnectAsync(silo.Endpoint, CancellationToken.None);
        Assert.True(connection.TrySend(TestMessageWriter.Create(5)));
        var frame = Assert.Single(await server.Handler.FramesAsync(1, "the client's message"));

        Assert.Equal(silo, connection.PeerIdentity.Silo);
        Assert.Equal(ConnectionRole.Client, frame.Connection.PeerIdentity.Role);
        Assert.Equal("client-7", frame.Connection.PeerIdentity.ClientId);
    }

    [Fact]
    public async Task Bytes_that_are_not_the_protocol_are_refused_and_logged()
    {
        var server = new Transport();
        await using var listener = server.Listen(out var silo);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(silo.Endpoint);

        await socket.SendAsync(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n"), SocketFlags.None);

        var entry = await server.Logs.WaitForAsync(NetworkingEventIds.HandshakeRefused, "ProtocolMismatch", "the refusal of an HTTP request");
        Assert.Contains("not a TgeSwarm handshake frame", entry.Message, StringComparison.Ordinal);
        Assert.Empty(listener.Connections);
    }

    [Fact]
    public async Task A_peer_that_never_completes_the_handshake_is_dropped_after_the_timeout()
    {
        var server = new Transport(configure: static o => o.HandshakeTimeout = TimeSpan.FromMilliseconds(200));
        await using var listener = server.Listen(out var silo);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(silo.Endpoint);

        await server.Logs.WaitForAsync(NetworkingEventIds.HandshakeFailed, "HandshakeTimeout", "the silent peer to be dropped");
        var received = await socket.ReceiveAsync(new byte[16], SocketFlags.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, received);
        Assert.Empty(listener.Connections);
    }

    [Fact]
    public void The_proof_depends_on_the_secret_the_side_and_both_nonces()
    {
        byte[] key = [1, 2, 3];
        var nonceA = HandshakeProof.NewNonce();
        var nonceB = HandshakeProof.NewNonce();
        var proof = HandshakeProof.Compute(key, true, "c", ConnectionRole.Silo, "S1", "S2", nonceA, nonceB);

        Assert.True(HandshakeProof.Verify(proof, HandshakeProof.Compute(key, true, "c", ConnectionRole.Silo, "S1", "S2", nonceA, nonceB)));
        Assert.False(HandshakeProof.Verify(proof, HandshakeProof.Compute([1, 2, 4], true, "c", ConnectionRole.Silo, "S1", "S2", nonceA, nonceB)));
        Assert.False(HandshakeProof.Verify(proof, HandshakeProof.Compute(key, false, "c", ConnectionRole.Silo, "S1", "S2", nonceA, nonceB)));
        Assert.False(HandshakeProof.Verify(proof, HandshakeProof.Compute(key, true, "c", ConnectionRole.Silo, "S1", "S2", nonceB, nonceA)));
        Assert.False(HandshakeProof.Verify(proof, HandshakeProof.Compute(key, true, "c", ConnectionRole.Client, "S1", "S2", nonceA, nonceB)));
    }

    [Fact]
    public void A_loopback_endpoint_string_is_what_logs_show()
    {
        // Guards the log assertions above: IPEndPoint prints as "127.0.0.1:port".
        Assert.Equal("127.0.0.1:5", new IPEndPoint(IPAddress.Loopback, 5).ToString());
    }
}
