using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Networking;

namespace TgeSwarm.Runtime.Messaging;

/// <summary>
/// The messages for one remote silo, in the order they were sent. While a connection is open and has room, a send
/// goes straight to it on the caller's thread; while it connects, or is full, sends queue here and one drain loop
/// moves them over in order, so a later call never overtakes an earlier one (DESIGN.md semantic 3). A failed connect
/// fails every queued request with <see cref="SiloUnavailableException"/>.
/// <para>
/// The straight send takes no lock: <see cref="_direct"/> holds the connection only while nothing is queued here
/// (cleared, under the lock, before the first message queues; set again by the drain once it has moved the last one
/// over). A sender that read it and then lost a race with a message being queued can only overtake a message of
/// another caller; its own earlier messages were in the connection before <see cref="_direct"/> was set.
/// </para>
/// </summary>
internal sealed partial class SiloOutbox(SiloAddress silo, RemoteSender sender)
{
    private readonly Lock _lock = new();
    private readonly Queue<Message> _queued = new();
    private Connection? _connection;
    private volatile Connection? _direct;
    private bool _draining;
    private bool _abandoned;

    public void Send(Message message)
    {
        if (_direct is { } direct && direct.TrySend(message))
        {
            return;
        }

        lock (_lock)
        {
            if (!_abandoned)
            {
                if (!_draining && _connection is { } connection && connection.TrySend(message))
                {
                    return;
                }

                _direct = null;
                _queued.Enqueue(message);
                if (!_draining)
                {
                    _draining = true;
                    _ = DrainAsync();
                }

                return;
            }
        }

        sender.OnUndeliverable(message, new SiloUnavailableException($"Silo {silo} is gone."));
    }

    /// <summary>Fails everything queued and refuses new messages (the silo died, or this silo stops).</summary>
    public void Abandon(Exception reason)
    {
        Message[] dropped;
        lock (_lock)
        {
            _abandoned = true;
            _direct = null;
            dropped = [.. _queued];
            _queued.Clear();
            _connection = null;
        }

        foreach (var message in dropped)
        {
            sender.OnUndeliverable(message, reason);
        }
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            Connection connection;
            try
            {
                connection = await GetConnectionAsync();
            }
            catch (Exception exception) when (exception is SwarmException or OperationCanceledException or IOException)
            {
                FailQueued(exception);
                return;
            }

            Message? next;
            lock (_lock)
            {
                // Straight sends stay off until the queue is empty, so they cannot overtake queued messages.
                while (_queued.TryPeek(out next) && connection.TrySend(next))
                {
                    _queued.Dequeue();
                }

                if (_queued.Count == 0)
                {
                    _draining = false;
                    _direct = _abandoned ? null : connection;
                    return;
                }

                _queued.Dequeue();
            }

            // The connection is full (or just closed): wait for room, keeping the order. A closed connection did not
            // take the message: put it back at the front and connect again on the next pass.
            if (!await connection.SendAsync(next!, CancellationToken.None))
            {
                lock (_lock)
                {
                    var rest = _queued.ToArray();
                    _queued.Clear();
                    _queued.Enqueue(next!);
                    foreach (var message in rest)
                    {
                        _queued.Enqueue(message);
                    }

                    if (ReferenceEquals(_connection, connection))
                    {
                        _connection = null;
                    }
                }
            }
        }
    }

    private async ValueTask<Connection> GetConnectionAsync()
    {
        lock (_lock)
        {
            if (_connection is { IsClosed: false } existing)
            {
                return existing;
            }
        }

        var connection = await sender.Connections.GetConnectionAsync(silo, CancellationToken.None);
        lock (_lock)
        {
            _connection = connection;
        }

        return connection;
    }

    private void FailQueued(Exception exception)
    {
        Message[] failed;
        lock (_lock)
        {
            failed = [.. _queued];
            _queued.Clear();
            _draining = false;
        }

        LogConnectFailed(sender.Logger, silo, failed.Length, exception.Message);
        var reason = new SiloUnavailableException($"Could not reach silo {silo}: {exception.Message}", exception);
        foreach (var message in failed)
        {
            sender.OnUndeliverable(message, reason);
        }
    }

    // The reason's message only: a silo that is down fails every retry the same way, and a stack each time is noise.
    [LoggerMessage(Diagnostics.SiloEventIds.ConnectFailed, LogLevel.Warning, "Could not connect to silo {Silo}; failing {Count} queued messages: {Reason}")]
    private static partial void LogConnectFailed(ILogger logger, SiloAddress silo, int count, string reason);
}
