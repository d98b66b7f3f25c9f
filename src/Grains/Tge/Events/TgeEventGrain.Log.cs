using Microsoft.Extensions.Logging;
using TgeSwarm.Grains.Interfaces.Tge;

namespace TgeSwarm.Grains.Tge.Events;

internal sealed partial class TgeEventGrain
{
    private static partial class Log
    {
        [LoggerMessage(EventId = TgeDetectionEventIds.EventRejected, Level = LogLevel.Warning, Message = "TGE event {Slug} refused a candidate for {Reason} (source {Source}, item {Item})")]
        public static partial void Rejected(ILogger logger, string slug, string reason, string? source, string? item);

        [LoggerMessage(EventId = TgeDetectionEventIds.EventCreated, Level = LogLevel.Information, Message = "TGE event {Slug} detected: {Kind} at confidence {Confidence} from {Source}: {Title}")]
        public static partial void Created(ILogger logger, string slug, TgeKind kind, double confidence, string source, string title);

        [LoggerMessage(EventId = TgeDetectionEventIds.EventUpdated, Level = LogLevel.Information, Message = "TGE event {Slug} updated to version {Version} ({Sightings} sightings) by {Source} (late sighting: {Late})")]
        public static partial void Updated(ILogger logger, string slug, int version, int sightings, string source, bool late);

        [LoggerMessage(EventId = TgeDetectionEventIds.EventForwarded, Level = LogLevel.Debug, Message = "TGE name slug {Slug} forwarded a candidate to {Target} (source {Source}, item {Item})")]
        public static partial void Forwarded(ILogger logger, string slug, string target, string source, string item);

        [LoggerMessage(EventId = TgeDetectionEventIds.EventSightingsFull, Level = LogLevel.Warning, Message = "TGE event {Slug} holds its maximum of sightings; dropped the one from {Source} (item {Item}); further drops are logged at debug level")]
        public static partial void SightingsFull(ILogger logger, string slug, string source, string item);

        [LoggerMessage(EventId = TgeDetectionEventIds.EventAbsorbed, Level = LogLevel.Information, Message = "TGE event {Slug} absorbed the record of project name {Name} ({Sightings} sightings): one record now, version {Version}")]
        public static partial void Absorbed(ILogger logger, string slug, string name, int sightings, int version);

        [LoggerMessage(EventId = TgeDetectionEventIds.EventHandedOver, Level = LogLevel.Information, Message = "TGE name slug {Slug} handed its record to {Target} ({Late} sightings sent after it was read) and now forwards there")]
        public static partial void HandedOver(ILogger logger, string slug, string target, int late);

        [LoggerMessage(EventId = TgeDetectionEventIds.EventSightingDropped, Level = LogLevel.Debug, Message = "TGE event {Slug} is full; dropped the sighting from {Source} (item {Item})")]
        public static partial void SightingDropped(ILogger logger, string slug, string source, string item);
    }
}
