using TgeSwarm.Runtime.Invocation;
using TgeSwarm.Runtime.Networking;

namespace TgeSwarm.Runtime.Messaging;

/// <summary>
/// Sends the outcome of a request that came from another process back over the connection it came on. The result
/// is serialized (not copied): the caller is in another process. A result that cannot be serialized is answered
/// with the serialization error, so the caller fails fast instead of timing out.
/// </summary>
internal sealed class RemoteResponseSink(MessageCenter center, Connection connection, long messageId) : IResponseSink
{
    public bool NeedsResultCopy => false;

    public void OnResponse(GrainRequest request, Exception? exception) => center.SendResponse(connection, messageId, request, exception);
}
