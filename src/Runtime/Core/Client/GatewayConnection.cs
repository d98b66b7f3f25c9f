using System.Net;
using TgeSwarm.Runtime.Messaging;
using TgeSwarm.Runtime.Networking;

namespace TgeSwarm.Runtime.Client;

/// <summary>
/// One open connection to a gateway and the messages for it, in the order they were sent. While the connection has
/// room a send goes straight to it on the caller's thread; once it is full, sends queue here and one drain loop waits
/// for room and moves them over in order, so a later call to a grain never overtakes an earlier one. A message that
/// cannot be sent (the connection closed) goes back through <paramref name="undeliverable"/>.
/// </summary>
internal sealed class GatewayConnection(IPEndPoint endpoint, Connection connection, Action<Message, string, Exception> undeliverable)
{
    private readonly Lock _lock = new();
    private readonly Queue<Message> _queued = new();
    private bool _draining;

    /// <summary>The endpoint dialled (as the gateway list names it).</summary>
    public IPEndPoint Endpoint { get; } = endpoint;

    /// <summary>The silo that answered; calls waiting on this connection are recorded against it.</summary>
    public SiloAddress Silo { get; } = connection.PeerIdentity.Silo!;

    public Connection Connection { get; } = connection;

    public bool IsClosed => Connection.IsClosed;

    public void Send(Message message)
    {
        lock (_lock)
        {
            if (!_draining && Connection.TrySend(message))
            {
                return;
            }

            _queued.Enqueue(message);
            if (_draining)
            {
                return;
            }

            _draining = true;
        }

        _ = DrainAsync();
    }

    public override string ToString() => $"gateway {Endpoint} ({Silo})";

    private async Task DrainAsync()
    {
        while (true)
        {
            Message next;
            lock (_lock)
            {
                // Straight sends stay off until the queue is empty, so they cannot overtake queued messages.
                while (_queued.TryPeek(out var head) && Connection.TrySend(head))
                {
                    _queued.Dequeue();
                }

                if (!_queued.TryDequeue(out next!))
                {
                    _draining = false;
                    return;
                }
            }

            // Full, or closed: SendAsync waits for room, or says the connection is gone.
            if (!await Connection.SendAsync(next, CancellationToken.None))
            {
                undeliverable(next, ToString(), new ConnectionClosedException($"The connection to {this} closed before the message was sent."));
            }
        }
    }
}
