using System.Net;
using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Invocation;

namespace TgeSwarm.Runtime.Client;

internal sealed partial class ClientRuntime
{
    [LoggerMessage(ClientEventIds.Stopped, LogLevel.Information, "Cluster client {ClientId} stopped")]
    private static partial void LogStopped(ILogger logger, string clientId);

    [LoggerMessage(ClientEventIds.LateResponse, LogLevel.Debug, "Response #{Id} for grain {GrainId} arrived after its call ended; dropped")]
    private static partial void LogLateResponse(ILogger logger, long id, GrainId grainId);

    [LoggerMessage(ClientEventIds.UnexpectedRequest, LogLevel.Warning, "Request #{Id} for grain {GrainId} arrived from {RemoteEndPoint}, but a client hosts no grains; dropped")]
    private static partial void LogUnexpectedRequest(ILogger logger, long id, GrainId grainId, EndPoint remoteEndPoint);

    [LoggerMessage(ClientEventIds.MalformedFrame, LogLevel.Error, "A frame from gateway {RemoteEndPoint} has a corrupt header; closing the connection")]
    private static partial void LogMalformedFrame(ILogger logger, Exception exception, EndPoint remoteEndPoint);

    [LoggerMessage(ClientEventIds.OneWayFailed, LogLevel.Warning, "One-way call {Request} on grain {GrainId} failed")]
    private static partial void LogOneWayFailed(ILogger logger, Exception exception, GrainRequest request, GrainId grainId);

    [LoggerMessage(ClientEventIds.Resent, LogLevel.Debug, "Call {Request} on grain {GrainId} was handed back unsent by {Gateway}, whose connection closed; sending it through another gateway")]
    private static partial void LogResent(ILogger logger, GrainRequest request, GrainId grainId, string gateway);
}
