using Microsoft.Extensions.Logging;
using TgeSwarm.Grains.Tge.Sources;

namespace TgeSwarm.Grains.Tge.Reliability;

/// <summary>The host guards' log lines: one per change of a host's state, never one per request.</summary>
internal static partial class HostGuardLog
{
    [LoggerMessage(TgeSourceEventIds.CircuitOpened, LogLevel.Warning, "Host {Host}: circuit opened for {BreakSeconds} s after {Outcome} ({Detail}); fetches are refused until a probe succeeds")]
    public static partial void CircuitOpened(ILogger logger, string host, double breakSeconds, string outcome, string? detail);

    [LoggerMessage(TgeSourceEventIds.CircuitHalfOpened, LogLevel.Information, "Host {Host}: circuit half-open, the next fetch is a probe")]
    public static partial void CircuitHalfOpened(ILogger logger, string host);

    [LoggerMessage(TgeSourceEventIds.CircuitClosed, LogLevel.Information, "Host {Host}: circuit closed, the host answers again")]
    public static partial void CircuitClosed(ILogger logger, string host);

    [LoggerMessage(TgeSourceEventIds.HostBlocked, LogLevel.Warning, "Host {Host}: rate limited ({StatusCode}); no requests until {Until:O} as its Retry-After asks")]
    public static partial void HostBlocked(ILogger logger, string host, int statusCode, DateTimeOffset until);

    [LoggerMessage(TgeSourceEventIds.HostTuned, LogLevel.Information, "Host {Host}: concurrency cap {Previous} -> {Limit}")]
    public static partial void HostTuned(ILogger logger, string host, int previous, int limit);
}
