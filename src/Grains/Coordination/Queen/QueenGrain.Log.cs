using Microsoft.Extensions.Logging;

namespace TgeSwarm.Grains.Coordination.Queen;

internal sealed partial class QueenGrain
{
    private static partial class Log
    {
        [LoggerMessage(EventId = CoordinationEventIds.QueenAction, Level = LogLevel.Information, Message = "Queen: {Actor} {Action} {Target} ({Reason}): {Outcome}")]
        public static partial void Action(ILogger logger, string actor, string action, string target, string reason, string outcome);

        [LoggerMessage(EventId = CoordinationEventIds.QueenActionFailed, Level = LogLevel.Warning, Message = "Queen: {Actor} {Action} {Target} ({Reason}) failed: {Outcome}")]
        public static partial void ActionFailed(ILogger logger, string actor, string action, string target, string reason, string outcome);

        [LoggerMessage(EventId = CoordinationEventIds.AgentStatusUnreadable, Level = LogLevel.Warning, Message = "Queen: the status of {Agent} could not be read: {Error}")]
        public static partial void StatusUnreadable(ILogger logger, string agent, string error);

        [LoggerMessage(EventId = CoordinationEventIds.AgentCooldown, Level = LogLevel.Warning, Message = "Queen: {Agent} is still down after {Attempts} restarts; no restart before {Until}")]
        public static partial void Cooldown(ILogger logger, string agent, int attempts, DateTimeOffset until);

        [LoggerMessage(EventId = CoordinationEventIds.AgentAlert, Level = LogLevel.Error, Message = "Queen: {Agent} is still down after {Attempts} restarts and the cooldown ({Found}); alerting only until an operator restarts it")]
        public static partial void Alert(ILogger logger, string agent, int attempts, string found);

        [LoggerMessage(EventId = CoordinationEventIds.AgentRecovered, Level = LogLevel.Information, Message = "Queen: {Agent} runs again after {Attempts} restarts")]
        public static partial void Recovered(ILogger logger, string agent, int attempts);

        [LoggerMessage(EventId = CoordinationEventIds.PersistFailed, Level = LogLevel.Error, Message = "Queen: writing the registry failed; the stored state was reloaded and the command changed nothing")]
        public static partial void PersistFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = CoordinationEventIds.QueenHalted, Level = LogLevel.Critical, Message = "Queen: the swarm is halted by {Actor}: {Reason}")]
        public static partial void Halted(ILogger logger, string actor, string reason);

        [LoggerMessage(EventId = CoordinationEventIds.QueenActivated, Level = LogLevel.Information, Message = "Queen activated with {Agents} registered agents on {Silo}")]
        public static partial void Activated(ILogger logger, int agents, string silo);

        [LoggerMessage(EventId = CoordinationEventIds.PassCutByStop, Level = LogLevel.Information, Message = "Queen: the process is stopping; the reconciliation pass in flight ends here")]
        public static partial void PassCutByStop(ILogger logger);
    }
}
