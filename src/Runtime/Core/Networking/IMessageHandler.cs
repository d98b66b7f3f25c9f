using System.Buffers;
using TgeSwarm.Runtime.Messaging;

namespace TgeSwarm.Runtime.Networking;

/// <summary>
/// What a connection tells its owner. Every callback runs synchronously on one of the connection's loops, so it must
/// not block: hand long work to the scheduler.
/// </summary>
internal interface IMessageHandler
{
    /// <summary>
    /// One complete frame arrived (the payload, without the length prefix). <paramref name="frame"/> is valid only
    /// during the call: deserialize inside it. Frames of one connection arrive one after another, in order. A throw
    /// closes the connection with that exception.
    /// </summary>
    void OnFrame(Connection connection, in ReadOnlySequence<byte> frame);

    /// <summary>
    /// A message accepted by <see cref="Connection.TrySend"/> or <see cref="Connection.SendAsync"/> was not sent:
    /// <paramref name="reason"/> is a <see cref="FrameTooLargeException"/> or the writer's own exception (the
    /// connection stays open), or a <see cref="ConnectionClosedException"/> (queued when the connection closed, or in
    /// a batch whose socket write failed, which the peer may have partly received). Called for each such message
    /// before <see cref="OnClosed"/>; never for a message the send call refused.
    /// </summary>
    void OnUndelivered(Connection connection, Message message, Exception reason);

    /// <summary>
    /// The connection ended; called once, after the last <see cref="OnFrame"/> and <see cref="OnUndelivered"/>.
    /// <paramref name="error"/> is null on an orderly close (either side closed it cleanly).
    /// </summary>
    void OnClosed(Connection connection, Exception? error);
}
