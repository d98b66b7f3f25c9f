using Microsoft.Extensions.Logging;

namespace TgeSwarm.Runtime.Postgres.Membership;

internal sealed partial class PostgresMembershipListener
{
    [LoggerMessage(EventId = PostgresEventIds.MembershipListenFailed, Level = LogLevel.Warning,
        Message = "Membership change feed of cluster {ClusterId} lost its LISTEN connection (failure {Failures} in a row); reconnecting in {Delay}")]
    private static partial void LogListenFailed(ILogger logger, Exception exception, string clusterId, int failures, TimeSpan delay);

    [LoggerMessage(EventId = PostgresEventIds.MembershipListenResumed, Level = LogLevel.Information,
        Message = "Membership change feed of cluster {ClusterId} listens again on backend {ProcessId} after {Failures} failed attempts; table version {Version}")]
    private static partial void LogListenResumed(ILogger logger, string clusterId, int processId, int failures, int version);
}
