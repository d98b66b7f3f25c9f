using Microsoft.Extensions.Logging;

namespace TgeSwarm.Runtime.Membership;

internal sealed partial class MembershipTableManager
{
    [LoggerMessage(MembershipEventIds.StatusChanged, LogLevel.Information, "Silo {Silo} is now {NewStatus} (was {OldStatus}) at membership version {Version}")]
    private static partial void LogStatusChanged(ILogger logger, SiloAddress silo, SiloStatus oldStatus, SiloStatus newStatus, long version);

    [LoggerMessage(MembershipEventIds.OwnStatusWritten, LogLevel.Debug, "Wrote own status of {Silo}: {OldStatus} -> {NewStatus}, membership version {Version}")]
    private static partial void LogOwnStatusWritten(ILogger logger, SiloAddress silo, SiloStatus oldStatus, SiloStatus newStatus, int version);

    [LoggerMessage(MembershipEventIds.SuspicionVote, LogLevel.Warning, "Suspicion vote against {Target} by {Voter} after {MissedProbes} missed probes ({LastProbeError}); {Votes} fresh votes now")]
    private static partial void LogSuspicionVote(ILogger logger, SiloAddress target, SiloAddress voter, int missedProbes, string lastProbeError, int votes);

    [LoggerMessage(MembershipEventIds.DeathDeclared, LogLevel.Warning, "Declared silo {Target} dead: {Reason}")]
    private static partial void LogDeathDeclared(ILogger logger, SiloAddress target, string reason);

    [LoggerMessage(MembershipEventIds.DeclaredDeadSelf, LogLevel.Critical, "This silo {Silo} was declared dead by the cluster ({Reason}); it stops now")]
    private static partial void LogDeclaredDeadSelf(ILogger logger, SiloAddress silo, string reason);

    [LoggerMessage(MembershipEventIds.TableUnavailable, LogLevel.Warning, "Membership table unavailable ({Operation}); this silo keeps serving with its current view and retries")]
    private static partial void LogTableUnavailable(ILogger logger, string operation, Exception exception);

    [LoggerMessage(MembershipEventIds.TableStillUnavailable, LogLevel.Debug, "Membership table still unavailable ({Operation}): {Error}")]
    private static partial void LogTableStillUnavailable(ILogger logger, string operation, string error);

    [LoggerMessage(MembershipEventIds.TableRecovered, LogLevel.Information, "Membership table reachable again")]
    private static partial void LogTableRecovered(ILogger logger);

    [LoggerMessage(MembershipEventIds.GenerationCollision, LogLevel.Error, "Cannot join: the membership table already holds a {Status} row for {Silo} (same endpoint and generation)")]
    private static partial void LogGenerationCollision(ILogger logger, SiloAddress silo, SiloStatus status);

    [LoggerMessage(MembershipEventIds.SupersededRow, LogLevel.Information, "Declared {Old} dead: superseded by the restart {New} on the same endpoint")]
    private static partial void LogSupersededRow(ILogger logger, SiloAddress old, SiloAddress @new);

    [LoggerMessage(MembershipEventIds.StaleRowDeclaredDead, LogLevel.Information, "Declared {Silo} dead at join: no IAmAlive since {LastIAmAlive:O} and no answer to a probe (row of a previous cluster)")]
    private static partial void LogStaleRowDeclaredDead(ILogger logger, SiloAddress silo, DateTimeOffset lastIAmAlive);

    [LoggerMessage(MembershipEventIds.VoteContention, LogLevel.Warning, "Gave up voting against {Target} after {Attempts} lost table races; the next missed probe votes again")]
    private static partial void LogVoteContention(ILogger logger, SiloAddress target, int attempts);

    [LoggerMessage(MembershipEventIds.DefunctRowsDeleted, LogLevel.Information, "Deleted {Count} defunct membership rows")]
    private static partial void LogDefunctRowsDeleted(ILogger logger, int count);

    [LoggerMessage(MembershipEventIds.OwnRowMissing, LogLevel.Error, "The membership row of {Silo} is missing; cannot become {Status}")]
    private static partial void LogOwnRowMissing(ILogger logger, SiloAddress silo, SiloStatus status);

    [LoggerMessage(MembershipEventIds.ChangeFeedFailed, LogLevel.Warning, "Membership change feed failed; listening again after the refresh period")]
    private static partial void LogChangeFeedFailed(ILogger logger, Exception exception);

    [LoggerMessage(MembershipEventIds.LoopStopped, LogLevel.Debug, "Membership {Loop} loop stopped")]
    private static partial void LogLoopStopped(ILogger logger, string loop);
}
