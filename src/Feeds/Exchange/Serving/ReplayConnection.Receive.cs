using System.Buffers;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Connections;
using TgeSwarm.Feeds.Exchange.Subscriptions;

namespace TgeSwarm.Feeds.Exchange.Serving;

internal sealed partial class ReplayConnection
{
    // Client messages are subscriptions and pings; anything larger is not one and is read past, not kept.
    private const int MaxClientMessageBytes = 64 * 1024;

    /// <summary>
    /// Reads client frames until the client closes or the socket fails. Pings are answered here, at once (but not
    /// while a silence fault holds the connection: a silent venue answers nothing); subscription changes go to the
    /// send side through <see cref="_subscriptions"/>. When the client is gone the send loop is cancelled.
    /// Never throws: the socket's failures end the loop.
    /// </summary>
    private async Task ReceiveLoopAsync(CancellationTokenSource sending, CancellationToken stopping)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxClientMessageBytes);
        try
        {
            while (true)
            {
                var (length, close) = await ReceiveMessageAsync(buffer, stopping);
                if (close)
                {
                    break;
                }

                if (length >= 0)
                {
                    await OnClientMessageAsync(buffer.AsMemory(0, length), stopping);
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or OperationCanceledException or ConnectionAbortedException or ObjectDisposedException)
        {
            // The socket is gone (aborted, reset, or the exchange is stopping): nothing more to read.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _subscriptions.Writer.TryComplete();
            await sending.CancelAsync();
        }
    }

    /// <summary>One whole message: its length (−1 when too large to keep), or close.</summary>
    private async Task<(int Length, bool Close)> ReceiveMessageAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        var length = 0;
        var oversized = false;
        while (true)
        {
            var room = oversized ? buffer.AsMemory() : buffer.AsMemory(length);
            if (room.Length == 0)
            {
                oversized = true;
                room = buffer.AsMemory();
            }

            var result = await _socket.ReceiveAsync(room, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (0, true);
            }

            length = oversized ? 0 : length + result.Count;
            if (result.EndOfMessage)
            {
                return (oversized ? -1 : length, false);
            }
        }
    }

    private async Task OnClientMessageAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        var message = _server.Venue.Protocol.Read(frame.Span);
        switch (message.Kind)
        {
            case ClientMessageKind.Ping when _silent:
                ExchangeLog.PingUnanswered(_server.Logger, Venue, Id);
                break;
            case ClientMessageKind.Ping:
                await SendAsync(message.Reply, cancellationToken);
                break;
            case ClientMessageKind.Subscribe or ClientMessageKind.Unsubscribe:
                // The venue's answer goes out before the data the subscription starts.
                if (message.Reply is not null)
                {
                    await SendAsync(message.Reply, cancellationToken);
                }

                _subscriptions.Writer.TryWrite(message);
                break;
            case ClientMessageKind.Other:
                ExchangeLog.ClientMessageIgnored(_server.Logger, Venue, Id, frame.Length);
                break;
        }
    }
}
