using System.Net.Sockets;
using System.Net.WebSockets;
using Microsoft.Extensions.Logging;

namespace TgeSwarm.Feeds.Connectors;

public sealed partial class VenueConnector
{
    // Answering a venue's close frame is a courtesy; it must not hold up the reconnect.
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(1);

    /// <summary>One connection from open to end. Returns whether it was healthy (stayed up long enough to reset the backoff).</summary>
    private async Task<bool> RunConnectionAsync(CancellationToken stopping)
    {
        SetState(ConnectorState.Connecting);
        Log.Connecting(_logger, Venue, Url);
        using var socket = new ClientWebSocket();
        if (!await ConnectAsync(socket, stopping))
        {
            return false;
        }

        Statistics.Connected();
        Log.Connected(_logger, Venue, Url);
        var openedAt = _time.GetTimestamp();
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var sink = new ConnectorSink(_consumer, Statistics);
        var feed = VenueFeeds.Create(Venue, sink, Url);
        lock (_feedLock)
        {
            _currentFeed = feed;
        }

        using var connection = new VenueConnection(socket, feed, sink, lifetime, _protocol.UsesRestSnapshots, NowMicros());
        var reason = DisconnectReason.ConnectionLost;
        string? detail = null;
        Exception? fault = null;
        try
        {
            await SubscribeAsync(connection);
            SetState(ConnectorState.Streaming);
            (reason, detail) = await ReceiveLoopAsync(connection, stopping);
        }
        catch (Exception exception) when (IsNetworkFault(exception))
        {
            reason = stopping.IsCancellationRequested ? DisconnectReason.Stopped : connection.AbortReason ?? DisconnectReason.ConnectionLost;
            fault = reason == DisconnectReason.ConnectionLost ? exception : null;
            detail = exception.Message;
        }
        finally
        {
            await EndConnectionAsync(connection, reason);
            lock (_feedLock)
            {
                _endedFeeds = FeedStatistics.Sum([_endedFeeds, feed.Statistics]);
                _currentFeed = null;
            }

            Statistics.Disconnected(reason);
            Log.Disconnected(_logger, reason == DisconnectReason.Stopped ? LogLevel.Information : LogLevel.Warning, fault, Venue, Url, reason, detail ?? string.Empty);
        }

        return _time.GetElapsedTime(openedAt) >= _settings.HealthyConnection;
    }

    private async Task<bool> ConnectAsync(ClientWebSocket socket, CancellationToken stopping)
    {
        // A handshake that hangs is as dead as a silent connection.
        using var timeout = new CancellationTokenSource(_settings.SilenceTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token);
        try
        {
            await socket.ConnectAsync(Url, linked.Token);
            return true;
        }
        catch (Exception exception) when (IsNetworkFault(exception))
        {
            if (!stopping.IsCancellationRequested)
            {
                Statistics.ConnectFailed();
                Log.ConnectFailed(_logger, exception, Venue, Url, exception.Message);
            }

            return false;
        }
    }

    private async Task SubscribeAsync(VenueConnection connection)
    {
        SetState(ConnectorState.Subscribing);
        foreach (var message in _protocol.SubscribeMessages())
        {
            await connection.SendAsync(message, connection.Token);
        }

        if (_protocol.UsesRestSnapshots && _settings.Books)
        {
            // The stream is open, so every diff after the snapshot is on its way; the feed buffers them until it lands.
            foreach (var instrument in _settings.Instruments)
            {
                StartSnapshotFetch(connection, instrument, TimeSpan.Zero);
            }
        }

        if (_protocol.Ping is { } ping)
        {
            connection.Track(PingLoopAsync(connection, ping));
        }

        connection.Track(WatchSilenceAsync(connection));
    }

    private async Task EndConnectionAsync(VenueConnection connection, DisconnectReason reason)
    {
        if (reason == DisconnectReason.ServerClosed && connection.Socket.State == WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(CloseTimeout, _time);
            try
            {
                await connection.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception exception) when (IsNetworkFault(exception))
            {
                Log.CloseFailed(_logger, Venue, Url, exception.Message);
            }
        }

        // Stops pings, the watchdog and fetches, and any receive still pending on the buffer about to be returned.
        await connection.CancelAsync();
        connection.Socket.Abort();
        await Task.WhenAll(connection.Background);
    }

    /// <summary>
    /// The faults a venue connection is expected to meet: they end a connection or a fetch and are retried.
    /// Cancellation counts too, because timeouts and the watchdog cancel; the caller tells the owner's apart.
    /// </summary>
    private static bool IsNetworkFault(Exception exception) =>
        exception is WebSocketException or IOException or SocketException or HttpRequestException or OperationCanceledException;
}
