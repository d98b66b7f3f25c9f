using System.Net.WebSockets;

namespace TgeSwarm.Feeds.Connectors;

public sealed partial class VenueConnector
{
    /// <summary>Reads until the venue closes; faults and cancellation leave by exception.</summary>
    private async Task<(DisconnectReason Reason, string? Detail)> ReceiveLoopAsync(VenueConnection connection, CancellationToken stopping)
    {
        var assembler = connection.Assembler;
        var unflushed = 0;
        while (true)
        {
            var receive = connection.Socket.ReceiveAsync(assembler.GetMemory(), connection.Token);
            ValueWebSocketReceiveResult result;
            if (receive.IsCompleted)
            {
                result = await receive;
            }
            else
            {
                // Nothing more is buffered: the batch is complete. The receive stays pending meanwhile, filling the buffer.
                unflushed += await ApplySnapshotsAsync(connection);
                if (unflushed > 0)
                {
                    await FlushAsync(connection, stopping);
                    unflushed = 0;
                }

                result = connection.Snapshots is null ? await receive : await ReceiveOrApplySnapshotsAsync(connection, receive.AsTask(), stopping);
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (DisconnectReason.ServerClosed, $"{connection.Socket.CloseStatus} {connection.Socket.CloseStatusDescription}".Trim());
            }

            assembler.Advance(result.Count);
            if (!result.EndOfMessage)
            {
                // A large frame arriving slowly is not silence.
                connection.MarkActive(NowMicros());
                continue;
            }

            if (OnMessage(connection))
            {
                unflushed++;
            }

            if (connection.Sink.PendingResyncs.Count > 0)
            {
                await ResyncAsync(connection);
            }

            if (unflushed >= _settings.MaxFramesPerFlush)
            {
                unflushed += await ApplySnapshotsAsync(connection);
                await FlushAsync(connection, stopping);
                unflushed = 0;
            }
        }
    }

    /// <summary>Hands a complete message to the feed; false when it was too large and dropped.</summary>
    private bool OnMessage(VenueConnection connection)
    {
        var assembler = connection.Assembler;
        var now = NowMicros();
        Statistics.FrameRead(assembler.MessageBytes, now);
        connection.MarkActive(now);
        if (assembler.IsDiscarding)
        {
            Statistics.OversizedFrame();
            Log.OversizedFrame(_logger, Venue, Url, assembler.MessageBytes);
            assembler.Reset();
            return false;
        }

        _consumer.OnFrameReceived(now);
        lock (_feedLock)
        {
            connection.Feed.OnFrame(assembler.Message, now);
        }

        assembler.Reset();
        return true;
    }

    private async ValueTask FlushAsync(VenueConnection connection, CancellationToken stopping)
    {
        connection.SuspendSilenceWatch();
        await _consumer.FlushAsync(stopping);
        connection.MarkActive(NowMicros());
    }

    /// <summary>
    /// Waits for the pending receive while applying REST snapshots that land meanwhile, so a snapshot fetched for a
    /// quiet stream is not held until the next frame. Only Binance connections get here.
    /// </summary>
    private async Task<ValueWebSocketReceiveResult> ReceiveOrApplySnapshotsAsync(VenueConnection connection, Task<ValueWebSocketReceiveResult> receive, CancellationToken stopping)
    {
        while (true)
        {
            connection.SnapshotWait ??= connection.Snapshots!.Reader.WaitToReadAsync(connection.Token).AsTask();
            var wait = connection.SnapshotWait;
            if (await Task.WhenAny(receive, wait) == receive)
            {
                return await receive;
            }

            connection.SnapshotWait = null;
            if (!wait.IsCompletedSuccessfully || !await wait)
            {
                // A cancelled or completed inbox means the connection is ending: the receive says how.
                return await receive;
            }

            if (await ApplySnapshotsAsync(connection) > 0)
            {
                await FlushAsync(connection, stopping);
            }
        }
    }
}
