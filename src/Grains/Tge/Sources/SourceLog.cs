using Microsoft.Extensions.Logging;

namespace TgeSwarm.Grains.Tge.Sources;

/// <summary>A source's log lines: one per change of its state (started, paused, failing for a new reason, recovered), never one per poll.</summary>
internal static partial class SourceLog
{
    [LoggerMessage(TgeSourceEventIds.SourceStarted, LogLevel.Information, "Source {SourceId} polling {Url} ({Kind}) every {MinInterval} to {MaxInterval}")]
    public static partial void Started(ILogger logger, string sourceId, string url, string kind, TimeSpan minInterval, TimeSpan maxInterval);

    [LoggerMessage(TgeSourceEventIds.SourcePaused, LogLevel.Information, "Source {SourceId} paused")]
    public static partial void Paused(ILogger logger, string sourceId);

    [LoggerMessage(TgeSourceEventIds.SourceResumed, LogLevel.Information, "Source {SourceId} resumed")]
    public static partial void Resumed(ILogger logger, string sourceId);

    [LoggerMessage(TgeSourceEventIds.SourceRemoved, LogLevel.Information, "Source {SourceId} removed; {Remembered} seen item ids kept")]
    public static partial void Removed(ILogger logger, string sourceId, int remembered);

    [LoggerMessage(TgeSourceEventIds.SourceFailing, LogLevel.Warning, "Source {SourceId} failing: {Reason} ({Detail}); next poll in {NextPoll}")]
    public static partial void Failing(ILogger logger, string sourceId, string reason, string? detail, TimeSpan nextPoll);

    [LoggerMessage(TgeSourceEventIds.SourceRecovered, LogLevel.Information, "Source {SourceId} recovered after {FailedPolls} failed polls over {Downtime}")]
    public static partial void Recovered(ILogger logger, string sourceId, int failedPolls, TimeSpan downtime);

    [LoggerMessage(TgeSourceEventIds.SourceEmitted, LogLevel.Debug, "Source {SourceId} emitted {Count} new items")]
    public static partial void Emitted(ILogger logger, string sourceId, int count);

    [LoggerMessage(TgeSourceEventIds.SourceTuned, LogLevel.Information, "Source {SourceId}: interval floor set to {Floor}")]
    public static partial void Tuned(ILogger logger, string sourceId, TimeSpan floor);

    [LoggerMessage(TgeSourceEventIds.SourceRecalled, LogLevel.Information, "Source {SourceId}: interval floor {Floor} taken back from memory (tuned {TunedAt:O}: {Reason})")]
    public static partial void Recalled(ILogger logger, string sourceId, TimeSpan floor, DateTimeOffset tunedAt, string reason);

    [LoggerMessage(TgeSourceEventIds.SourceRecallFailed, LogLevel.Warning, "Source {SourceId}: could not read its finding in memory {Namespace}; it polls on its settings' minimum")]
    public static partial void RecallFailed(ILogger logger, Exception exception, string sourceId, string @namespace);

    [LoggerMessage(TgeSourceEventIds.SourceClaimed, LogLevel.Information, "Source {SourceId} claimed by {Owner} (owner before: {PreviousOwner})")]
    public static partial void Claimed(ILogger logger, string sourceId, string owner, string previousOwner);

    [LoggerMessage(TgeSourceEventIds.SourceReleased, LogLevel.Information, "Source {SourceId} released by its owner {Owner}")]
    public static partial void Released(ILogger logger, string sourceId, string owner);

    [LoggerMessage(TgeSourceEventIds.SourceTakenOver, LogLevel.Information, "Source {SourceId} started directly: taken over from its owner {Owner}, which can no longer release it")]
    public static partial void TakenOver(ILogger logger, string sourceId, string owner);
}
