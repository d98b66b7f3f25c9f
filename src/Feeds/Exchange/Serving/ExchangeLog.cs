using Microsoft.Extensions.Logging;

namespace TgeSwarm.Feeds.Exchange.Serving;

internal static partial class ExchangeLog
{
    [LoggerMessage(ExchangeEventIds.Started, LogLevel.Information, "Replay exchange serving {Venue} on {Url} (speed {Speed}, loop {Loop}, {Faults} faults)")]
    public static partial void Started(ILogger logger, Venue venue, Uri url, double speed, bool loop, int faults);

    [LoggerMessage(ExchangeEventIds.Stopped, LogLevel.Information, "Replay exchange stopped after {Connections} connections")]
    public static partial void Stopped(ILogger logger, long connections);

    [LoggerMessage(ExchangeEventIds.ConnectionOpened, LogLevel.Debug, "{Venue} connection {Connection} opened at {Path}")]
    public static partial void ConnectionOpened(ILogger logger, Venue venue, long connection, string path);

    [LoggerMessage(ExchangeEventIds.ReplayStarted, LogLevel.Information, "{Venue} connection {Connection} replays {Recorded} from pass {Pass} for {Keys} subscriptions")]
    public static partial void ReplayStarted(ILogger logger, Venue venue, long connection, string recorded, long pass, int keys);

    [LoggerMessage(ExchangeEventIds.SubscribeMismatch, LogLevel.Warning, "{Venue} connection {Connection} at {Path} subscribed to {Unexpected}, which the recording does not have (recorded: {Recorded}); closing it")]
    public static partial void SubscribeMismatch(ILogger logger, Venue venue, long connection, string path, string unexpected, string recorded);

    [LoggerMessage(ExchangeEventIds.SubscribeTimeout, LogLevel.Warning, "{Venue} connection {Connection} at {Path} did not subscribe within {Timeout}; closing it")]
    public static partial void SubscribeTimeout(ILogger logger, Venue venue, long connection, string path, TimeSpan timeout);

    [LoggerMessage(ExchangeEventIds.ConnectionClosed, LogLevel.Information, "{Venue} connection {Connection} closed after {Frames} frames and {Passes} passes: {Reason}")]
    public static partial void ConnectionClosed(ILogger logger, Venue venue, long connection, long frames, long passes, string reason);

    [LoggerMessage(ExchangeEventIds.FaultInjected, LogLevel.Information, "{Venue} connection {Connection}: injected {Fault} at frame {Frame} (pass {Pass})")]
    public static partial void FaultInjected(ILogger logger, Venue venue, long connection, ReplayFaultKind fault, long frame, long pass);

    [LoggerMessage(ExchangeEventIds.NotFound, LogLevel.Warning, "{Venue}: no recorded {What} for {PathAndQuery}")]
    public static partial void NotFound(ILogger logger, Venue venue, string what, string pathAndQuery);

    [LoggerMessage(ExchangeEventIds.LateSubscription, LogLevel.Warning, "{Venue} connection {Connection}: {Change} {Key} after the replay started; {Effect}")]
    public static partial void LateSubscription(ILogger logger, Venue venue, long connection, string change, string key, string effect);

    [LoggerMessage(ExchangeEventIds.ClientMessageIgnored, LogLevel.Debug, "{Venue} connection {Connection}: ignored a client message of {Bytes} bytes")]
    public static partial void ClientMessageIgnored(ILogger logger, Venue venue, long connection, int bytes);

    [LoggerMessage(ExchangeEventIds.ConnectionFailed, LogLevel.Debug, "{Venue} connection {Connection} ended abruptly")]
    public static partial void ConnectionFailed(ILogger logger, Venue venue, long connection, Exception exception);

    [LoggerMessage(ExchangeEventIds.PingUnanswered, LogLevel.Debug, "{Venue} connection {Connection}: a ping during a silence fault goes unanswered")]
    public static partial void PingUnanswered(ILogger logger, Venue venue, long connection);

    [LoggerMessage(ExchangeEventIds.RecordingEnded, LogLevel.Debug, "{Venue} connection {Connection} reached the end of the recording after {Frames} frames")]
    public static partial void RecordingEnded(ILogger logger, Venue venue, long connection, long frames);
}
