using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace TgeSwarm.Runtime.Networking;

internal sealed partial class ConnectionListener
{
    [LoggerMessage(NetworkingEventIds.ListenerStarted, LogLevel.Information, "Silo {SiloAddress} listening on {LocalEndPoint}")]
    private static partial void LogStarted(ILogger logger, SiloAddress siloAddress, IPEndPoint localEndPoint);

    [LoggerMessage(NetworkingEventIds.ListenerStopped, LogLevel.Information, "Stopped listening on {LocalEndPoint}")]
    private static partial void LogStopped(ILogger logger, IPEndPoint localEndPoint);

    [LoggerMessage(NetworkingEventIds.ClusterUnauthenticated, LogLevel.Warning,
        "ConnectionOptions.ClusterSecret is not set: the cluster is unauthenticated and anyone who can reach {LocalEndPoint} and knows the cluster id can join it")]
    private static partial void LogUnauthenticated(ILogger logger, IPEndPoint localEndPoint);

    [LoggerMessage(NetworkingEventIds.AcceptFailed, LogLevel.Warning, "Accepting a connection on {LocalEndPoint} failed ({SocketError}); still listening")]
    private static partial void LogAcceptFailed(ILogger logger, IPEndPoint localEndPoint, SocketError socketError, Exception exception);

    [LoggerMessage(NetworkingEventIds.HandshakeFailed, LogLevel.Warning, "Handshake with {RemoteEndPoint} failed: {Reason}")]
    private static partial void LogHandshakeFailed(ILogger logger, EndPoint? remoteEndPoint, string reason, Exception? exception);
}
