using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Connections;
using TgeSwarm.Feeds.Exchange.Scripts;
using TgeSwarm.Feeds.Exchange.Subscriptions;

namespace TgeSwarm.Feeds.Exchange.Serving;

/// <summary>
/// One client WebSocket. Two loops share the socket: the receive loop reads the client's frames (answering pings at
/// once, passing subscription changes on through a channel) and the send loop waits for the subscriptions, then
/// replays the script, paced and with its faults. Sends from both go through one gate (a WebSocket allows one send
/// at a time). The connection ends when the recording ends (close 1000), a fault closes it (1001), the subscriptions
/// do not match (1008), the client closes, or the exchange stops (1001); the close handshake is waited for, within
/// <see cref="CloseTimeout"/>, then the socket is aborted.
/// </summary>
internal sealed partial class ReplayConnection
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    // WebSocket close reasons are limited to 123 bytes of UTF-8.
    private const int MaxCloseReasonBytes = 123;

    private readonly VenueServer _server;
    private readonly WebSocket _socket;
    private readonly ConnectionCounters _counters;
    private readonly IReadOnlyList<PreparedConnection> _candidates;
    private readonly string _query;
    private readonly long _ordinal;
    private readonly long _acceptedAt;
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly Channel<ClientMessage> _subscriptions = Channel.CreateUnbounded<ClientMessage>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private ReplayScript? _script;
    private long[] _lastIds = [];
    private long _pass;
    private volatile bool _silent;

    public ReplayConnection(VenueServer server, WebSocket socket, ConnectionCounters counters, IReadOnlyList<PreparedConnection> candidates, string query, long ordinal, long acceptedAt)
    {
        _server = server;
        _socket = socket;
        _counters = counters;
        _candidates = candidates;
        _query = query;
        _ordinal = ordinal;
        _acceptedAt = acceptedAt;
    }

    public long Id => _counters.Id;

    /// <summary>What the connection replays; null until its subscriptions are settled.</summary>
    public ReplayScript? Script => Volatile.Read(ref _script);

    public long CurrentPass => Interlocked.Read(ref _pass);

    private Venue Venue => _server.Venue.Venue;

    /// <summary>The last Binance depth <c>u</c> sent for a script key, or −1.</summary>
    public long LastSentId(int keyIndex)
    {
        var ids = Volatile.Read(ref _lastIds);
        return keyIndex < ids.Length ? Interlocked.Read(ref ids[keyIndex]) : -1;
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var receiving = ReceiveLoopAsync(sending, stopping);
        var ending = new Ending(WebSocketCloseStatus.NormalClosure, "client closed");
        try
        {
            ending = await ServeAsync(sending.Token);
        }
        catch (OperationCanceledException) when (sending.IsCancellationRequested)
        {
            ending = stopping.IsCancellationRequested ? new Ending(WebSocketCloseStatus.EndpointUnavailable, "replay exchange stopping") : ending;
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or ConnectionAbortedException)
        {
            ExchangeLog.ConnectionFailed(_server.Logger, Venue, Id, exception);
            ending = new Ending(null, "connection lost: " + exception.Message);
        }
        finally
        {
            await EndAsync(ending, receiving);
            _counters.Closed(ending.Reason);
            _server.Closed(this);
            ExchangeLog.ConnectionClosed(_server.Logger, Venue, Id, _counters.Frames, _counters.Passes, ending.Reason);
        }
    }

    private async Task<Ending> ServeAsync(CancellationToken cancellationToken)
    {
        var script = await SubscribeAsync(cancellationToken);
        if (script.Ending is { } refused)
        {
            return refused;
        }

        Volatile.Write(ref _lastIds, Enumerable.Repeat(-1L, script.Script!.Keys.Count).ToArray());
        Volatile.Write(ref _script, script.Script);
        return await ReplayAsync(script.Script, cancellationToken);
    }

    private async Task SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        await _sendGate.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    private async Task EndAsync(Ending ending, Task receiving)
    {
        try
        {
            if (ending.Status is { } status && _socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(CloseTimeout, _server.Time);
                await _sendGate.WaitAsync(timeout.Token);
                try
                {
                    await _socket.CloseOutputAsync(status, Truncate(ending.Reason), timeout.Token);
                }
                finally
                {
                    _sendGate.Release();
                }
            }

            // The receive loop ends when the client answers the close (or had closed first).
            await receiving.WaitAsync(CloseTimeout, _server.Time);
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or OperationCanceledException or TimeoutException or ConnectionAbortedException)
        {
            // A client that does not complete the handshake in time loses the connection without it.
            _socket.Abort();
        }
    }

    private static string Truncate(string reason)
    {
        if (Encoding.UTF8.GetByteCount(reason) <= MaxCloseReasonBytes)
        {
            return reason;
        }

        var end = Math.Min(reason.Length, MaxCloseReasonBytes - 3);
        while (Encoding.UTF8.GetByteCount(reason.AsSpan(0, end)) > MaxCloseReasonBytes - 3)
        {
            end--;
        }

        return string.Concat(reason.AsSpan(0, end), "...");
    }

    /// <summary>How the server ends a connection: the close status to send (none when the socket is gone) and why.</summary>
    private readonly record struct Ending(WebSocketCloseStatus? Status, string Reason);
}
