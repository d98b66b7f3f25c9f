using System.Buffers;
using TgeSwarm.Runtime.Messaging;
using TgeSwarm.Runtime.Networking;

namespace TgeSwarm.Runtime.Client;

/// <summary>The client's connections only copy payloads: messages are serialized on the caller's thread.</summary>
internal sealed class PayloadWriter : IMessageWriter
{
    public void Write(IBufferWriter<byte> output, Message message) => MessageSerializer.WritePayload(output, message);
}
