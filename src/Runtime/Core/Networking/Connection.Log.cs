using System.Net;
using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Messaging;

namespace TgeSwarm.Runtime.Networking;

internal sealed partial class Connection
{
    [LoggerMessage(NetworkingEventIds.ConnectionOpened, LogLevel.Debug, "Connection to {Peer} at {RemoteEndPoint} open")]
    private static partial void LogOpened(ILogger logger, PeerIdentity peer, IPEndPoint remoteEndPoint);

    [LoggerMessage(NetworkingEventIds.ConnectionClosed, LogLevel.Information, "Connection to {Peer} at {RemoteEndPoint} closed: {Reason}")]
    private static partial void LogClosed(ILogger logger, PeerIdentity peer, IPEndPoint remoteEndPoint, string reason);

    [LoggerMessage(NetworkingEventIds.IncomingFrameTooLarge, LogLevel.Error, "Closing the connection to {Connection}: {Reason}")]
    private static partial void LogIncomingFrameTooLarge(ILogger logger, Connection connection, string reason);

    [LoggerMessage(NetworkingEventIds.OutgoingFrameTooLarge, LogLevel.Error, "{Message} exceeds the maximum frame size of {MaxFrameSize} bytes; not sent to {Connection}, the connection stays open")]
    private static partial void LogOutgoingFrameTooLarge(ILogger logger, Message message, int maxFrameSize, Connection connection);

    [LoggerMessage(NetworkingEventIds.MessageWriteFailed, LogLevel.Error, "Serializing {Message} for {Connection} failed; the message is handed back, the connection stays open")]
    private static partial void LogWriteFailed(ILogger logger, Message message, Connection connection, Exception exception);

    [LoggerMessage(NetworkingEventIds.FrameHandlerFailed, LogLevel.Error, "The message handler of the connection to {Peer} threw; closing the connection")]
    private static partial void LogHandlerFailed(ILogger logger, PeerIdentity peer, Exception exception);
}
