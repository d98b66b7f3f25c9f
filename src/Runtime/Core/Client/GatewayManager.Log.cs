using System.Net;
using Microsoft.Extensions.Logging;

namespace TgeSwarm.Runtime.Client;

internal sealed partial class GatewayManager
{
    [LoggerMessage(ClientEventIds.Starting, LogLevel.Information, "Cluster client connecting to gateways from {Provider}")]
    private static partial void LogStarting(ILogger logger, string provider);

    [LoggerMessage(ClientEventIds.Started, LogLevel.Information, "Cluster client connected to {Count} gateways after {Attempts} attempts")]
    private static partial void LogStarted(ILogger logger, int count, int attempts);

    [LoggerMessage(ClientEventIds.ConnectRoundFailed, LogLevel.Warning, "No gateway accepted the client (attempt {Attempt} of {Attempts}); retrying in {Pause}. Last error: {LastError}")]
    private static partial void LogRoundFailed(ILogger logger, int attempt, int attempts, TimeSpan pause, string lastError);

    [LoggerMessage(ClientEventIds.GatewayConnected, LogLevel.Information, "Connected to gateway {Endpoint} ({Silo}); {Count} gateways connected")]
    private static partial void LogGatewayConnected(ILogger logger, IPEndPoint endpoint, SiloAddress silo, int count);

    [LoggerMessage(ClientEventIds.GatewayLost, LogLevel.Warning, "Lost gateway {Endpoint} ({Silo}): {Reason}; {Count} gateways still connected")]
    private static partial void LogGatewayLost(ILogger logger, IPEndPoint endpoint, SiloAddress silo, string reason, int count);

    [LoggerMessage(ClientEventIds.GatewayListRefreshFailed, LogLevel.Warning, "Could not read the gateway list from {Provider}")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, string provider);

    [LoggerMessage(ClientEventIds.GatewayListEmpty, LogLevel.Warning, "The gateway list from {Provider} is empty")]
    private static partial void LogListEmpty(ILogger logger, string provider);

    [LoggerMessage(ClientEventIds.NoGatewayReachable, LogLevel.Warning, "{Description}; calls fail until a gateway is reachable")]
    private static partial void LogNoGateway(ILogger logger, string description);

    [LoggerMessage(ClientEventIds.ReconnectLoopStopped, LogLevel.Debug, "Gateway refresh loop stopped with {Count} gateways connected")]
    private static partial void LogLoopStopped(ILogger logger, int count);
}
