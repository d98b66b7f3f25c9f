using Microsoft.Extensions.Logging;

namespace TgeSwarm.Feeds.Connectors;

public sealed partial class VenueConnector
{
    private static partial class Log
    {
        [LoggerMessage(ConnectorEventIds.Connecting, LogLevel.Debug, "{Venue}: connecting to {Url}")]
        public static partial void Connecting(ILogger logger, Venue venue, Uri url);

        [LoggerMessage(ConnectorEventIds.Connected, LogLevel.Information, "{Venue}: connected to {Url}")]
        public static partial void Connected(ILogger logger, Venue venue, Uri url);

        [LoggerMessage(ConnectorEventIds.ConnectFailed, LogLevel.Warning, "{Venue}: connecting to {Url} failed: {Reason}")]
        public static partial void ConnectFailed(ILogger logger, Exception exception, Venue venue, Uri url, string reason);

        [LoggerMessage(EventId = ConnectorEventIds.Disconnected, Message = "{Venue}: connection to {Url} ended ({DisconnectReason}) {Detail}")]
        public static partial void Disconnected(ILogger logger, LogLevel level, Exception? exception, Venue venue, Uri url, DisconnectReason disconnectReason, string detail);

        [LoggerMessage(ConnectorEventIds.BackingOff, LogLevel.Information, "{Venue}: reconnecting to {Url} in {Delay} (failure {Failures} in a row)")]
        public static partial void BackingOff(ILogger logger, Venue venue, Uri url, TimeSpan delay, int failures);

        [LoggerMessage(ConnectorEventIds.Stopped, LogLevel.Information, "{Venue}: connector for {Url} stopped")]
        public static partial void Stopped(ILogger logger, Venue venue, Uri url);

        [LoggerMessage(ConnectorEventIds.ResyncRequested, LogLevel.Information, "{Venue}: book of {Instrument} needs a resync ({Reason}): {Action}")]
        public static partial void ResyncRequested(ILogger logger, Venue venue, string instrument, string reason, string action);

        [LoggerMessage(ConnectorEventIds.SnapshotFetchFailed, LogLevel.Warning, "{Venue}: snapshot from {Url} failed: {Reason}; retrying")]
        public static partial void SnapshotFetchFailed(ILogger logger, Exception? exception, Venue venue, Uri url, string reason);

        [LoggerMessage(ConnectorEventIds.OversizedFrame, LogLevel.Warning, "{Venue}: dropped a frame of {Bytes} bytes from {Url}, over the frame limit")]
        public static partial void OversizedFrame(ILogger logger, Venue venue, Uri url, long bytes);

        [LoggerMessage(ConnectorEventIds.PingFailed, LogLevel.Debug, "{Venue}: ping to {Url} failed: {Reason}")]
        public static partial void PingFailed(ILogger logger, Venue venue, Uri url, string reason);

        [LoggerMessage(ConnectorEventIds.CloseFailed, LogLevel.Debug, "{Venue}: answering the close of {Url} failed: {Reason}")]
        public static partial void CloseFailed(ILogger logger, Venue venue, Uri url, string reason);
    }
}
