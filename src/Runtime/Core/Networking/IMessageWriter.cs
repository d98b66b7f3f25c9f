using System.Buffers;
using TgeSwarm.Runtime.Messaging;

namespace TgeSwarm.Runtime.Networking;

/// <summary>
/// Serializes one message as a frame payload: everything after the 4-byte length prefix, which the connection
/// writes. Called on the connection's writer loop only, one message at a time. If it throws, or writes more than
/// <c>ConnectionOptions.MaxFrameSize</c>, the connection discards what it wrote and hands the message back through
/// <see cref="IMessageHandler.OnUndelivered"/>; the connection itself stays open.
/// </summary>
internal interface IMessageWriter
{
    void Write(IBufferWriter<byte> output, Message message);

    /// <summary>
    /// The frame of <paramref name="message"/> went to the socket: the connection holds it no longer, and an owner that
    /// pools messages may take it back. Not called for a message handed back through
    /// <see cref="IMessageHandler.OnUndelivered"/>.
    /// </summary>
    void Release(Message message)
    {
    }
}
