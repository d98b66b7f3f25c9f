using Microsoft.Extensions.Logging;

namespace TgeSwarm.Runtime.Networking;

internal sealed partial class ConnectionManager
{
    [LoggerMessage(NetworkingEventIds.ConnectFailed, LogLevel.Warning, "Connecting to {Target} failed: {Reason}")]
    private static partial void LogConnectFailed(ILogger logger, string target, string reason);

    [LoggerMessage(NetworkingEventIds.ConnectRetryDelayed, LogLevel.Debug, "Not connecting to {Target} yet: the last attempt failed {Since} ago ({Reason})")]
    private static partial void LogRetryDelayed(ILogger logger, SiloAddress target, TimeSpan since, string reason);
}
