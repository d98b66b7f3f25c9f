using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace TgeSwarm.Runtime.Networking;

/// <summary>
/// Outgoing connections: one per target silo, shared by every caller, so calls from one sender to one silo keep their
/// order. Concurrent callers of a silo with no connection share one connect attempt; a closed connection is replaced
/// on the next call. A failed attempt (refused, unreachable, timed out, handshake refused) is remembered for
/// <c>ConnectionOptions.ConnectionRetryDelay</c>: calls in that window fail at once with the same error instead of
/// dialling again. A connect attempt belongs to the manager, not to the first caller: a caller's cancellation only
/// stops its own wait. Clients use <see cref="ConnectAsync"/> for gateways instead (no expected generation; the
/// handshake says which silo answered).
/// </summary>
internal sealed partial class ConnectionManager : IAsyncDisposable
{
    private readonly ConnectionServices _services;
    private readonly PeerIdentity _local;
    private readonly IMessageHandler _handler;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<SiloAddress, ConnectionSlot> _slots = new();
    private readonly ConcurrentDictionary<Connection, byte> _gatewayConnections = new();
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _disposing = new();

    public ConnectionManager(ConnectionServices services, PeerIdentity localIdentity, IMessageHandler handler)
    {
        _services = services;
        _local = localIdentity;
        _handler = handler;
        _logger = services.LoggerFactory.CreateLogger<ConnectionManager>();
    }

    /// <summary>
    /// The open connection to <paramref name="target"/>, opening one if needed. Throws
    /// <see cref="ConnectionFailedException"/> (unreachable, timed out, or within the retry delay of a failure) or
    /// <see cref="ConnectionRefusedException"/> (the handshake was refused, e.g. another generation answered).
    /// </summary>
    /// <summary>The open outgoing connections (to silos and gateways): a moment's snapshot.</summary>
    public IReadOnlyList<Connection> Connections =>
        [.. _slots.Values.Select(static s => s.Connection).OfType<Connection>().Where(static c => !c.IsClosed), .. _gatewayConnections.Keys.Where(static c => !c.IsClosed)];

    public ValueTask<Connection> GetConnectionAsync(SiloAddress target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        return _slots.TryGetValue(target, out var slot) && slot.Connection is { IsClosed: false } open
            ? new ValueTask<Connection>(open)
            : GetOrOpenAsync(target, cancellationToken);
    }

    /// <summary>A new connection to a gateway, for a client; closed with the manager.</summary>
    public async ValueTask<Connection> ConnectAsync(IPEndPoint gateway, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ObjectDisposedException.ThrowIf(_disposing.IsCancellationRequested, this);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
        Connection connection;
        try
        {
            connection = await OpenAsync(gateway, null, linked.Token);
        }
        catch (Exception ex) when (ex is ConnectionFailedException or ConnectionRefusedException)
        {
            LogConnectFailed(_logger, gateway.ToString(), ex.Message);
            throw;
        }

        _gatewayConnections.TryAdd(connection, 0);
        _ = connection.Closed.ContinueWith(
            (closedTask, state) => _gatewayConnections.TryRemove((Connection)state!, out _),
            connection, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return connection;
    }

    /// <summary>Closes the connection to <paramref name="target"/> (e.g. declared dead) and forgets its retry delay.</summary>
    public void Abort(SiloAddress target)
    {
        ConnectionSlot? slot;
        lock (_lock)
        {
            _slots.TryRemove(target, out slot);
        }

        _ = slot?.Connection?.CloseAsync(new ConnectionClosedException($"The connection to {target} was aborted."));
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposing.IsCancellationRequested)
        {
            return;
        }

        List<Task> closing = [];
        lock (_lock)
        {
            _disposing.Cancel();
            foreach (var slot in _slots.Values)
            {
                if (slot.Pending is { } pending)
                {
                    closing.Add(pending);
                }

                if (slot.Connection is { } connection)
                {
                    closing.Add(connection.CloseAsync());
                }
            }

            _slots.Clear();
        }

        closing.AddRange(_gatewayConnections.Keys.Select(static c => c.CloseAsync()));
        // Pending attempts end with the disposal token; their failures concern callers, who saw them already.
        await Task.WhenAll(closing).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _disposing.Dispose();
    }

    private async ValueTask<Connection> GetOrOpenAsync(SiloAddress target, CancellationToken cancellationToken)
    {
        Task<Connection> pending;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposing.IsCancellationRequested, this);
            var slot = _slots.GetOrAdd(target, static _ => new ConnectionSlot());
            if (slot.Connection is { IsClosed: false } open)
            {
                return open;
            }

            if (slot.Pending is { IsCompleted: false } inFlight)
            {
                pending = inFlight;
            }
            else if (slot.Failure is { } failure
                && _services.TimeProvider.GetElapsedTime(slot.FailedAt) is var since && since < _services.Options.ConnectionRetryDelay)
            {
                LogRetryDelayed(_logger, target, since, failure.Message);
                throw new ConnectionFailedException(
                    $"Not connecting to {target} again yet: an attempt failed {since.TotalMilliseconds:0} ms ago and "
                    + $"ConnectionOptions.ConnectionRetryDelay is {_services.Options.ConnectionRetryDelay}. That attempt: {failure.Message}",
                    failure);
            }
            else
            {
                slot.Connection = null;
                slot.Failure = null;
                pending = slot.Pending = OpenSlotAsync(target, slot);
            }
        }

        return await pending.WaitAsync(cancellationToken);
    }

    private async Task<Connection> OpenSlotAsync(SiloAddress target, ConnectionSlot slot)
    {
        // Off the caller's stack: the slot is fully set up under the lock before this attempt can finish.
        await Task.Yield();
        Connection connection;
        try
        {
            connection = await OpenAsync(target.Endpoint, target, _disposing.Token);
        }
        catch (Exception ex) when (ex is ConnectionFailedException or ConnectionRefusedException)
        {
            lock (_lock)
            {
                slot.Failure = ex;
                slot.FailedAt = _services.TimeProvider.GetTimestamp();
            }

            LogConnectFailed(_logger, target.ToString(), ex.Message);
            throw;
        }

        bool current;
        lock (_lock)
        {
            current = _slots.TryGetValue(target, out var registered) && ReferenceEquals(registered, slot);
            if (current)
            {
                slot.Connection = connection;
            }
        }

        if (!current)
        {
            // Aborted (or the manager disposed) while connecting: nobody will hand this connection out.
            await connection.CloseAsync(new ConnectionClosedException($"The connection to {target} was aborted while it opened."));
            return connection;
        }

        _ = connection.Closed.ContinueWith(
            (_, state) => ForgetClosed(target, (ConnectionSlot)state!, connection),
            slot, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return connection;
    }

    private void ForgetClosed(SiloAddress target, ConnectionSlot slot, Connection connection)
    {
        lock (_lock)
        {
            if (ReferenceEquals(slot.Connection, connection))
            {
                _slots.TryRemove(new KeyValuePair<SiloAddress, ConnectionSlot>(target, slot));
            }
        }
    }

    /// <summary>Connects and handshakes; every failure comes out as a <see cref="ConnectionFailedException"/> or <see cref="ConnectionRefusedException"/>.</summary>
    private async Task<Connection> OpenAsync(IPEndPoint endpoint, SiloAddress? expected, CancellationToken cancellationToken)
    {
        var options = _services.Options;
        var what = expected is null ? $"gateway {endpoint}" : $"silo {expected}";
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        PipeReader? input = null;
        var opened = false;
        try
        {
            Connection.ConfigureSocket(socket);
            using (var timeout = new CancellationTokenSource(options.OpenConnectionTimeout, _services.TimeProvider))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
            {
                try
                {
                    await socket.ConnectAsync(endpoint, linked.Token);
                }
                catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    throw new ConnectionFailedException($"Could not connect to {what} within {options.OpenConnectionTimeout} (ConnectionOptions.OpenConnectionTimeout).");
                }
                catch (SocketException ex)
                {
                    throw new ConnectionFailedException($"Could not connect to {what}: {ex.SocketErrorCode} ({ex.Message}).", ex);
                }
            }

            input = Connection.CreateReader(socket);
            PeerIdentity peer;
            using (var timeout = new CancellationTokenSource(options.HandshakeTimeout, _services.TimeProvider))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
            {
                try
                {
                    peer = await new Handshake(socket, input, _services, _local).InitiateAsync(expected, linked.Token);
                }
                catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    throw new ConnectionFailedException($"The handshake with {what} did not complete within {options.HandshakeTimeout} (ConnectionOptions.HandshakeTimeout).");
                }
                catch (Exception ex) when (ex is SocketException or IOException)
                {
                    throw new ConnectionFailedException($"The handshake with {what} failed: {ex.Message}", ex);
                }
            }

            var connection = new Connection(socket, input, peer, _handler, _services);
            connection.Start();
            opened = true;
            return connection;
        }
        catch (OperationCanceledException ex) when (_disposing.IsCancellationRequested)
        {
            throw new ConnectionFailedException($"Not connecting to {what}: the connection manager is shutting down.", ex);
        }
        finally
        {
            if (!opened)
            {
                if (input is not null)
                {
                    await input.CompleteAsync();
                }

                socket.Dispose();
            }
        }
    }

    /// <summary>What the manager knows about one target silo; fields guarded by the manager's lock.</summary>
    private sealed class ConnectionSlot
    {
        public volatile Connection? Connection;
        public Task<Connection>? Pending;
        public Exception? Failure;
        public long FailedAt;
    }
}
