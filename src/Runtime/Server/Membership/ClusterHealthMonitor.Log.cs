using Microsoft.Extensions.Logging;

namespace TgeSwarm.Runtime.Membership;

internal sealed partial class ClusterHealthMonitor
{
    [LoggerMessage(MembershipEventIds.ProbeFailed, LogLevel.Information, "Probe {ProbeNumber} of {Target} failed ({Misses} in a row): {Error}")]
    private static partial void LogProbeFailed(ILogger logger, SiloAddress target, int probeNumber, int misses, string error);

    [LoggerMessage(MembershipEventIds.ProbeRecovered, LogLevel.Information, "{Target} answers probes again after {Misses} misses")]
    private static partial void LogProbeRecovered(ILogger logger, SiloAddress target, int misses);

    [LoggerMessage(MembershipEventIds.IndirectProbeReached, LogLevel.Information, "Probe {ProbeNumber} of {Target} missed ({Error}) but {Intermediary} reached it, so only this silo's path to it fails ({Misses} misses in a row before); no vote")]
    private static partial void LogIndirectProbeReached(ILogger logger, SiloAddress target, SiloAddress intermediary, int probeNumber, int misses, string error);

    [LoggerMessage(MembershipEventIds.IndirectProbeFailed, LogLevel.Information, "Probe {ProbeNumber} of {Target} through {Intermediary} failed ({Misses} in a row): {Error}")]
    private static partial void LogIndirectProbeFailed(ILogger logger, SiloAddress target, SiloAddress intermediary, int probeNumber, int misses, string error);

    [LoggerMessage(MembershipEventIds.IndirectProbeUnanswered, LogLevel.Information, "Probe {ProbeNumber} of {Target} through {Intermediary} got no verdict ({Misses} in a row): {Error}")]
    private static partial void LogIndirectProbeUnanswered(ILogger logger, SiloAddress target, SiloAddress intermediary, int probeNumber, int misses, string error);

    [LoggerMessage(MembershipEventIds.IndirectProbeRefused, LogLevel.Debug, "Refused to probe {Target} for another silo: this silo is {Status}, not Active")]
    private static partial void LogIndirectProbeRefused(ILogger logger, SiloAddress target, SiloStatus status);

    [LoggerMessage(MembershipEventIds.LoopStopped, LogLevel.Debug, "Cluster health monitor stopped")]
    private static partial void LogStopped(ILogger logger);
}
