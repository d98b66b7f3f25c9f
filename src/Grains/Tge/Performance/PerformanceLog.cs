using Microsoft.Extensions.Logging;
using TgeSwarm.Grains.Tge.Sources;

namespace TgeSwarm.Grains.Tge.Performance;

internal static partial class PerformanceLog
{
    [LoggerMessage(TgeSourceEventIds.PerformanceDecision, LogLevel.Information, "Performance: {Target} {Setting} {From} -> {To}: {Reason}")]
    public static partial void Decision(ILogger logger, string target, string setting, string from, string to, string reason);

    [LoggerMessage(TgeSourceEventIds.PerformanceReadFailed, LogLevel.Warning, "Performance: could not read or tune {Target}; it is skipped this sweep")]
    public static partial void ReadFailed(ILogger logger, Exception exception, string target);

    [LoggerMessage(TgeSourceEventIds.PerformanceShareFailed, LogLevel.Warning, "Performance: could not share the floor of source {SourceId} in memory {Namespace}; the source keeps it, a reactivation will not")]
    public static partial void ShareFailed(ILogger logger, Exception exception, string @namespace, string sourceId);
}
