using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace TgeSwarm.Runtime.Networking;

/// <summary>
/// The silo's listening socket. One port serves silos and clients alike; the handshake tells them apart
/// (<see cref="Connection.PeerIdentity"/>). Each accepted socket is handshaken on its own task, under
/// <c>ConnectionOptions.HandshakeTimeout</c>, so a slow or hostile peer never holds up the accept loop; a refused or
/// timed-out peer is logged and dropped. Accepted connections deliver to the host's <see cref="IMessageHandler"/>.
/// Usage: <see cref="Bind"/> (port 0 picks a free port), build the silo address from the bound endpoint, then
/// <see cref="Start"/>; <see cref="StopAsync"/> closes the socket and every accepted connection.
/// </summary>
internal sealed partial class ConnectionListener : IAsyncDisposable
{
    private readonly ConnectionServices _services;
    private readonly IMessageHandler _handler;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<Connection, byte> _connections = new();
    private readonly ConcurrentDictionary<Task, byte> _handshakes = new();
    private readonly CancellationTokenSource _stopping = new();
    private Socket? _socket;
    private PeerIdentity? _local;
    private Task _acceptLoop = Task.CompletedTask;

    public ConnectionListener(ConnectionServices services, IMessageHandler handler)
    {
        _services = services;
        _handler = handler;
        _logger = services.LoggerFactory.CreateLogger<ConnectionListener>();
    }

    /// <summary>The bound endpoint (with the OS-assigned port when bound to port 0), or null before <see cref="Bind"/>.</summary>
    public IPEndPoint? LocalEndPoint { get; private set; }

    /// <summary>The connections accepted and still open.</summary>
    public IReadOnlyCollection<Connection> Connections => (IReadOnlyCollection<Connection>)_connections.Keys;

    public IPEndPoint Bind(IPEndPoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (_socket is not null)
        {
            throw new InvalidOperationException("The listener is bound already.");
        }

        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(endpoint);
            socket.Listen(512);
        }
        catch (SocketException)
        {
            socket.Dispose();
            throw;
        }

        _socket = socket;
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
        return LocalEndPoint;
    }

    /// <summary>Starts accepting; <paramref name="localSilo"/> is what this silo announces in handshakes.</summary>
    public void Start(SiloAddress localSilo)
    {
        var socket = _socket ?? throw new InvalidOperationException("Bind the listener before starting it.");
        _local = PeerIdentity.ForSilo(localSilo);
        if (!_services.IsAuthenticated)
        {
            LogUnauthenticated(_logger, LocalEndPoint!);
        }

        LogStarted(_logger, localSilo, LocalEndPoint!);
        _acceptLoop = AcceptLoopAsync(socket, _stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        _socket?.Dispose();
        await _acceptLoop.WaitAsync(cancellationToken);
        // Handshakes in progress observe the stop token and close their sockets.
        await Task.WhenAll(_handshakes.Keys).WaitAsync(cancellationToken);
        await Task.WhenAll(_connections.Keys.Select(static c => c.CloseAsync())).WaitAsync(cancellationToken);
        if (LocalEndPoint is not null)
        {
            LogStopped(_logger, LocalEndPoint);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync(Socket listening, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket accepted;
            try
            {
                accepted = await listening.AcceptAsync(stopping);
            }
            catch (Exception ex) when (stopping.IsCancellationRequested && ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            catch (SocketException ex)
            {
                // E.g. a peer reset before accept, or out of file descriptors: log and keep serving, after a pause so
                // a persistent error does not spin.
                LogAcceptFailed(_logger, LocalEndPoint!, ex.SocketErrorCode, ex);
                await Task.Delay(TimeSpan.FromMilliseconds(100), _services.TimeProvider, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            var handshake = AcceptOneAsync(accepted, stopping);
            _handshakes.TryAdd(handshake, 0);
            _ = handshake.ContinueWith(
                static (task, state) => ((ConcurrentDictionary<Task, byte>)state!).TryRemove(task, out _),
                _handshakes, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task AcceptOneAsync(Socket socket, CancellationToken stopping)
    {
        Connection.ConfigureSocket(socket);
        var remote = socket.RemoteEndPoint;
        var input = Connection.CreateReader(socket);
        PeerIdentity peer;
        using (var timeout = new CancellationTokenSource(_services.Options.HandshakeTimeout, _services.TimeProvider))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token))
        {
            try
            {
                peer = await new Handshake(socket, input, _services, _local!).AcceptAsync(linked.Token);
            }
            catch (ConnectionRefusedException)
            {
                await DropAsync(socket, input);
                return;
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !stopping.IsCancellationRequested)
            {
                LogHandshakeFailed(_logger, remote, $"no complete handshake within {_services.Options.HandshakeTimeout} (ConnectionOptions.HandshakeTimeout)", null);
                await DropAsync(socket, input);
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                await DropAsync(socket, input);
                return;
            }
            catch (Exception ex) when (ex is SocketException or IOException or ConnectionFailedException)
            {
                LogHandshakeFailed(_logger, remote, ex.Message, ex);
                await DropAsync(socket, input);
                return;
            }
        }

        var connection = new Connection(socket, input, peer, _handler, _services);
        _connections.TryAdd(connection, 0);
        _ = connection.Closed.ContinueWith(
            (closedTask, state) => _connections.TryRemove((Connection)state!, out _),
            connection, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        connection.Start();
        // StopAsync may have taken its snapshot of the connections just before this one was added.
        if (stopping.IsCancellationRequested)
        {
            await connection.CloseAsync();
        }
    }

    private static async Task DropAsync(Socket socket, PipeReader input)
    {
        await input.CompleteAsync();
        socket.Dispose();
    }
}
