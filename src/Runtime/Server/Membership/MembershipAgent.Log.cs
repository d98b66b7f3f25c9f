using Microsoft.Extensions.Logging;

namespace TgeSwarm.Runtime.Membership;

internal sealed partial class MembershipAgent
{
    [LoggerMessage(MembershipEventIds.Joining, LogLevel.Information, "Silo {Silo} joining the cluster")]
    private static partial void LogJoining(ILogger logger, SiloAddress silo);

    [LoggerMessage(MembershipEventIds.Joined, LogLevel.Information, "Silo {Silo} joined as Joining; {Declared} leftover rows declared dead")]
    private static partial void LogJoined(ILogger logger, SiloAddress silo, int declared);

    [LoggerMessage(MembershipEventIds.JoinFailed, LogLevel.Critical, "Silo {Silo} could not join within {MaxJoinAttemptTime}: the membership table stayed unreachable")]
    private static partial void LogJoinFailed(ILogger logger, SiloAddress silo, TimeSpan maxJoinAttemptTime);

    [LoggerMessage(MembershipEventIds.BecameActive, LogLevel.Information, "Silo {Silo} is active")]
    private static partial void LogBecameActive(ILogger logger, SiloAddress silo);

    [LoggerMessage(MembershipEventIds.ShuttingDown, LogLevel.Information, "Silo {Silo} shutting down")]
    private static partial void LogShuttingDown(ILogger logger, SiloAddress silo);

    [LoggerMessage(MembershipEventIds.Left, LogLevel.Information, "Silo {Silo} left the cluster")]
    private static partial void LogLeft(ILogger logger, SiloAddress silo);

    [LoggerMessage(MembershipEventIds.LeaveFailed, LogLevel.Warning, "Silo {Silo} could not write {Status} while stopping: {Reason}")]
    private static partial void LogLeaveFailed(ILogger logger, SiloAddress silo, SiloStatus status, string reason);

    [LoggerMessage(MembershipEventIds.StaleRowAnswers, LogLevel.Warning, "Row of {Silo} is stale but the silo answers probes (its IAmAlive writes failed?); leaving it alone")]
    private static partial void LogStaleRowAnswers(ILogger logger, SiloAddress silo);

    [LoggerMessage(MembershipEventIds.LoopStopped, LogLevel.Debug, "Membership {Loop} loop stopped")]
    private static partial void LogLoopStopped(ILogger logger, string loop);
}
