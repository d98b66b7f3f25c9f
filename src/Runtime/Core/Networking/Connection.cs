using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using TgeSwarm.Runtime.Messaging;

namespace TgeSwarm.Runtime.Networking;

/// <summary>
/// One authenticated TCP connection to a silo or a client, carrying length-prefixed frames both ways (4-byte
/// little-endian length, then the payload <see cref="IMessageWriter"/> wrote).
/// <para>
/// Sending: <see cref="TrySend"/> and <see cref="SendAsync"/> put messages on a bounded lock-free queue
/// (<see cref="SendQueue"/>); one writer loop drains
/// it, serializes every queued message into one buffer and writes that buffer with one socket call, so under load
/// many small messages share a write (<see cref="FramesSent"/> ÷ <see cref="Flushes"/>) while a lone message still
/// leaves at once. The queue bound is the backpressure: when a peer stops reading, the socket fills, the loop waits,
/// the queue fills, <see cref="TrySend"/> refuses and <see cref="SendAsync"/> waits for room — memory stays bounded.
/// A message that fails to serialize or exceeds the maximum frame size fails alone; the connection goes on.
/// </para>
/// <para>
/// Receiving: a loop reads the socket through a <see cref="PipeReader"/>, cuts frames and hands each to
/// <see cref="IMessageHandler.OnFrame"/> synchronously; it reads no further until the handler returns, so a slow
/// receiver pushes back through TCP instead of buffering. A frame over the maximum closes the connection: after it
/// the stream cannot be trusted.
/// </para>
/// <para>
/// Closing (either side, or an error on either loop): both loops stop, every message accepted but not sent goes back
/// through <see cref="IMessageHandler.OnUndelivered"/>, then <see cref="IMessageHandler.OnClosed"/> runs once and
/// <see cref="Closed"/> completes. Nothing accepted is ever dropped silently.
/// </para>
/// </summary>
internal sealed partial class Connection
{
    private static readonly StreamPipeReaderOptions ReaderOptions = new(bufferSize: 16 * 1024, minimumReadSize: 2 * 1024, leaveOpen: false);

    private readonly Socket _socket;
    private readonly PipeReader _input;
    private readonly IMessageHandler _handler;
    private readonly ConnectionServices _services;
    private readonly ILogger _logger;
    private readonly SendQueue _queue;
    private readonly CancellationTokenSource _closing = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _closeRequested;
    private Exception? _closeReason;

    internal Connection(Socket socket, PipeReader input, PeerIdentity peerIdentity, IMessageHandler handler, ConnectionServices services)
    {
        _socket = socket;
        _input = input;
        _handler = handler;
        _services = services;
        _logger = services.ConnectionLogger;
        PeerIdentity = peerIdentity;
        RemoteEndPoint = (IPEndPoint)socket.RemoteEndPoint!;
        _output = new FrameBuffer(services.Options.MaxFrameSize);
        _queue = new SendQueue(services.Options.SendQueueCapacity);
    }

    public IPEndPoint RemoteEndPoint { get; }

    public PeerIdentity PeerIdentity { get; }

    /// <summary>Completes after the connection closed, its unsent messages went back and <see cref="IMessageHandler.OnClosed"/> ran.</summary>
    public Task Closed => _closed.Task;

    /// <summary>Cancelled as soon as the connection starts closing (before <see cref="Closed"/>).</summary>
    public CancellationToken Closing => _closing.Token;

    /// <summary>True once the connection started closing; sends are refused from then on.</summary>
    public bool IsClosed => Volatile.Read(ref _closeRequested) != 0;

    /// <summary>Messages waiting in the send queue (at most <c>ConnectionOptions.SendQueueCapacity</c>).</summary>
    public int QueuedCount => _queue.Count;

    /// <summary>
    /// Whether everything queued so far has been handed to the socket: nothing queued and no batch being written. A
    /// graceful stop waits for this on every connection, so the last responses leave before the connections close.
    /// </summary>
    public bool IsSendIdle => _queue.Count == 0 && Volatile.Read(ref _writingBatch) == 0;

    /// <summary>
    /// Queues <paramref name="message"/> without waiting. False when the queue is full or the connection is closed;
    /// the message was then not taken, and <see cref="SendAsync"/> can wait for room (it returns false only when
    /// closed). Once true, the message is either written to the socket or handed back through
    /// <see cref="IMessageHandler.OnUndelivered"/>.
    /// </summary>
    public bool TrySend(Message message) => _queue.TryEnqueue(message);

    /// <summary>
    /// Queues <paramref name="message"/>, waiting while the queue is full. False when the connection is (or becomes)
    /// closed before there was room; the message was then not taken. A cancelled token throws
    /// <see cref="OperationCanceledException"/>, also without taking the message.
    /// </summary>
    public ValueTask<bool> SendAsync(Message message, CancellationToken cancellationToken) =>
        _queue.TryEnqueue(message) ? new ValueTask<bool>(true) : _queue.EnqueueAsync(message, cancellationToken);

    /// <summary>Closes the connection; <paramref name="reason"/> null means an orderly close. Completes with <see cref="Closed"/>.</summary>
    public Task CloseAsync(Exception? reason = null)
    {
        BeginClose(reason);
        return Closed;
    }

    public override string ToString() => $"{PeerIdentity} at {RemoteEndPoint}";

    internal static PipeReader CreateReader(Socket socket) =>
        PipeReader.Create(new NetworkStream(socket, ownsSocket: false), ReaderOptions);

    internal static void ConfigureSocket(Socket socket)
    {
        // Frames are batched by the writer loop already; Nagle would only add latency to the last one of a batch.
        socket.NoDelay = true;
    }

    /// <summary>Starts both loops; called once, right after the handshake.</summary>
    internal void Start()
    {
        _services.Instruments.ConnectionsOpened.Add(1);
        LogOpened(_logger, PeerIdentity, RemoteEndPoint);
        _ = RunAsync();
    }

    private async Task RunAsync()
    {
        // Each loop ends only through BeginClose and reports its own failure there, so neither throws.
        await Task.WhenAll(ReceiveLoopAsync(), SendLoopAsync());
        var reason = _closeReason;
        try
        {
            _queue.Complete();
            foreach (var message in _batch)
            {
                Undeliver(message, ClosedBeforeSending(reason));
            }

            _batch.Clear();
            while (_queue.TryTakeRemaining(out var message))
            {
                Undeliver(message, ClosedBeforeSending(reason));
            }

            await _input.CompleteAsync();
            _socket.Dispose();
            _output.Dispose();
            _services.Instruments.ConnectionsClosed.Add(1);
            LogClosed(_logger, PeerIdentity, RemoteEndPoint, reason?.Message ?? "orderly close");
            _handler.OnClosed(this, reason);
            _closed.TrySetResult();
        }
        catch (Exception ex)
        {
            // Only the handler's callbacks can throw here; Closed carries it so the owner sees its own bug.
            LogHandlerFailed(_logger, PeerIdentity, ex);
            _closed.TrySetException(ex);
        }
    }

    private void BeginClose(Exception? reason)
    {
        if (Interlocked.Exchange(ref _closeRequested, 1) != 0)
        {
            return;
        }

        _closeReason = reason;
        _queue.Complete();
        _closing.Cancel();
        try
        {
            // Wakes a loop blocked in the socket and sends FIN, so the peer sees an orderly end.
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // The peer already reset the connection: there is nothing left to shut down.
        }
        catch (ObjectDisposedException)
        {
            // Disposed by the closing path already.
        }
    }

    private ConnectionClosedException ClosedBeforeSending(Exception? reason) =>
        new(reason is null
            ? $"The connection to {this} closed before the message was sent."
            : $"The connection to {this} closed before the message was sent: {reason.Message}", reason);

    private void Undeliver(Message message, Exception reason)
    {
        _services.Instruments.MessagesUndelivered.Add(1);
        _handler.OnUndelivered(this, message, reason);
    }
}
