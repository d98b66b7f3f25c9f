using Microsoft.Extensions.Logging;

namespace TgeSwarm.Feeds.Sources.Server;

internal static partial class SourceServerLog
{
    [LoggerMessage(EventId = SourceServerEventIds.Started, Level = LogLevel.Information, Message = "Local source server listening on {BaseAddress} with {Sources} sources")]
    public static partial void Started(ILogger logger, Uri baseAddress, int sources);

    [LoggerMessage(EventId = SourceServerEventIds.Stopped, Level = LogLevel.Information, Message = "Local source server stopped after {Requests} requests")]
    public static partial void Stopped(ILogger logger, long requests);

    [LoggerMessage(EventId = SourceServerEventIds.Published, Level = LogLevel.Debug, Message = "Source {SourceId} published item {ItemId} (version {Version})")]
    public static partial void Published(ILogger logger, string sourceId, string itemId, long version);

    [LoggerMessage(EventId = SourceServerEventIds.FaultInjected, Level = LogLevel.Debug, Message = "Source {SourceId}: injecting {Fault} into {Path}")]
    public static partial void FaultInjected(ILogger logger, string sourceId, LocalSourceFaultKind fault, string path);

    [LoggerMessage(EventId = SourceServerEventIds.NotFound, Level = LogLevel.Debug, Message = "No local source at {Path}")]
    public static partial void NotFound(ILogger logger, string path);

    [LoggerMessage(EventId = SourceServerEventIds.SeedProblems, Level = LogLevel.Warning, Message = "Source {SourceId}: its seed was read with problems {Problems}")]
    public static partial void SeedProblems(ILogger logger, string sourceId, string problems);

    [LoggerMessage(EventId = SourceServerEventIds.ScheduleEnded, Level = LogLevel.Debug, Message = "Source {SourceId}: publish schedule ended")]
    public static partial void ScheduleEnded(ILogger logger, string sourceId);

    [LoggerMessage(EventId = SourceServerEventIds.FaultAdded, Level = LogLevel.Information, Message = "Source {SourceId}: fault {Fault} added for {Times} requests (empty: until cleared)")]
    public static partial void FaultAdded(ILogger logger, string sourceId, LocalSourceFaultKind fault, int? times);

    [LoggerMessage(EventId = SourceServerEventIds.FaultsCleared, Level = LogLevel.Information, Message = "Source {SourceId}: faults cleared")]
    public static partial void FaultsCleared(ILogger logger, string sourceId);
}
