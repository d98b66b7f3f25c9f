using System.Collections.Concurrent;

namespace TgeSwarm.Runtime.Messaging;

/// <summary>
/// Outgoing messages of a silo, reused once their frame went to the socket (<see cref="Networking.IMessageWriter.Release"/>):
/// a remote call sends two (request and response), and with hundreds in flight both outlive a gen-0 collection and
/// were promoted, which cost more than their allocation. Only the silo's request and response paths rent here, and
/// only the connection that wrote a message gives it back; a message handed back undelivered is left to the collector.
/// </summary>
internal sealed class MessagePool
{
    /// <summary>Idle messages kept at most: enough for a few thousand calls in flight.</summary>
    public const int MaxKept = 2048;

    private readonly ConcurrentQueue<Message> _idle = new();
    private int _count;

    public Message Rent()
    {
        if (_idle.TryDequeue(out var message))
        {
            Interlocked.Decrement(ref _count);
            return message;
        }

        return new Message();
    }

    public void Return(Message message)
    {
        message.Clear();
        if (Interlocked.Increment(ref _count) <= MaxKept)
        {
            _idle.Enqueue(message);
            return;
        }

        Interlocked.Decrement(ref _count);
    }
}
