using Microsoft.Extensions.Logging;

namespace TgeSwarm.Grains.Market.Stages;

/// <summary>The validation grain's log messages; its event ids are 5110–5119.</summary>
internal sealed partial class ValidationGrain
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 5110, Level = LogLevel.Warning, Message = "Validation on {Venue} rejected a first event for {Reason}: {Instrument} {Detail} (further ones are counted and logged at debug level)")]
        public static partial void FirstReject(ILogger logger, string venue, string reason, string instrument, string detail);

        [LoggerMessage(EventId = 5111, Level = LogLevel.Debug, Message = "Validation on {Venue} rejected {Instrument} for {Reason}: {Detail}")]
        public static partial void Reject(ILogger logger, string venue, string reason, string instrument, string detail);

        [LoggerMessage(EventId = 5112, Level = LogLevel.Warning, Message = "Validation on {Venue} could not share {Failed} of {Due} anomaly baselines in memory namespace {Namespace}; they are retried on the next tick")]
        public static partial void ShareFailed(ILogger logger, Exception exception, string venue, int failed, int due, string @namespace);

        [LoggerMessage(EventId = 5113, Level = LogLevel.Debug, Message = "Validation on {Venue} shared {Count} anomaly baselines in memory namespace {Namespace}")]
        public static partial void Shared(ILogger logger, string venue, int count, string @namespace);

        [LoggerMessage(EventId = 5114, Level = LogLevel.Information, Message = "Validation on {Venue} read the anomaly baselines of {Found} instruments from memory namespace {Namespace} ({Ignored} entries ignored); each seeds its detector unless that is past warm-up")]
        public static partial void Recalled(ILogger logger, string venue, int found, int ignored, string @namespace);

        [LoggerMessage(EventId = 5115, Level = LogLevel.Warning, Message = "Validation on {Venue} could not read its anomaly baselines from memory namespace {Namespace} after {Found} instruments; the others warm up unchecked")]
        public static partial void RecallFailed(ILogger logger, Exception exception, string venue, string @namespace, int found);

        [LoggerMessage(EventId = 5116, Level = LogLevel.Debug, Message = "Validation on {Venue} ignored memory entry {Key}: {Why}")]
        public static partial void FindingIgnored(ILogger logger, string venue, string key, string why);

        [LoggerMessage(EventId = 5117, Level = LogLevel.Error, Message = "Validation on {Venue}: the anomaly {Loop} loop outside the grain's turns failed; validation goes on without it")]
        public static partial void LoopFailed(ILogger logger, Exception exception, string venue, string loop);
    }
}
