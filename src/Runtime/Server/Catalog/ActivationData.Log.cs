using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Diagnostics;
using TgeSwarm.Runtime.Invocation;

namespace TgeSwarm.Runtime.Catalog;

internal sealed partial class ActivationData
{
    [LoggerMessage(SiloEventIds.ActivationFailed, LogLevel.Warning, "Activation of grain {GrainId} failed; its queued requests fail with ActivationFailedException")]
    private static partial void LogActivationFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(SiloEventIds.DeactivationFailed, LogLevel.Warning, "OnDeactivateAsync of grain {GrainId} failed during deactivation ({Reason}); the activation is removed anyway")]
    private static partial void LogDeactivationFailed(ILogger logger, Exception exception, GrainId grainId, DeactivationReasonCode reason);

    [LoggerMessage(SiloEventIds.InconsistentState, LogLevel.Warning, "Grain {GrainId} hit an ETag conflict on a storage write; deactivating it so the next call reloads its state")]
    private static partial void LogInconsistentState(ILogger logger, GrainId grainId);

    [LoggerMessage(SiloEventIds.MailboxFull, LogLevel.Warning, "Grain {GrainId} refused {Request}: mailbox full ({Queued} queued)")]
    private static partial void LogMailboxFull(ILogger logger, GrainId grainId, GrainRequest request, int queued);

    [LoggerMessage(SiloEventIds.WorkItemFailed, LogLevel.Error, "A work item of grain {GrainId} threw; the activation keeps running")]
    private static partial void LogWorkItemFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(SiloEventIds.DeadlockDetected, LogLevel.Warning, "Deadlock refused: {Request} on grain {GrainId}, call chain {Chain}")]
    private static partial void LogDeadlock(ILogger logger, GrainId grainId, GrainRequest request, string chain);

    [LoggerMessage(SiloEventIds.DirectoryUnregisterFailed, LogLevel.Debug, "Unregistering grain {GrainId} from the directory timed out; the stale entry is replaced on its next activation")]
    private static partial void LogUnregisterTimedOut(ILogger logger, Exception exception, GrainId grainId);
}
