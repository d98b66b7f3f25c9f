using System.Net.Sockets;
using TgeSwarm.Runtime.Messaging;

namespace TgeSwarm.Runtime.Networking;

internal sealed partial class Connection
{
    // A batch stops growing here and goes out, so one flood does not delay its first frames behind megabytes.
    private const int BatchBytes = 64 * 1024;

    private readonly FrameBuffer _output;

    // The messages whose frames sit in _output, not yet written: owned by the writer loop, handed back on close.
    private readonly List<Message> _batch = [];
    private long _framesSent;
    private long _flushes;

    // 1 while the writer loop holds messages it took from the queue and has not yet handed to the socket.
    private int _writingBatch;

    /// <summary>Frames handed to the socket so far (counted as each write starts).</summary>
    public long FramesSent => Volatile.Read(ref _framesSent);

    /// <summary>Socket writes so far; <see cref="FramesSent"/> ÷ this is the batching factor.</summary>
    public long Flushes => Volatile.Read(ref _flushes);

    private async Task SendLoopAsync()
    {
        var closing = _closing.Token;
        var queue = _queue;
        try
        {
            while (await queue.WaitToReadAsync(closing))
            {
                Volatile.Write(ref _writingBatch, 1);
                while (_output.WrittenCount < BatchBytes && !closing.IsCancellationRequested && queue.TryDequeue(out var message))
                {
                    WriteFrame(message);
                }

                queue.OnTaken();

                if (closing.IsCancellationRequested)
                {
                    return;
                }

                if (_batch.Count > 0)
                {
                    await FlushAsync(closing);
                }

                Volatile.Write(ref _writingBatch, 0);
            }
        }
        catch (OperationCanceledException) when (closing.IsCancellationRequested)
        {
            // Closing: RunAsync hands back what is left.
        }
        catch (Exception ex) when (ex is SocketException or IOException or ObjectDisposedException)
        {
            BeginClose(ex);
        }
        catch (Exception ex)
        {
            // The handler's OnUndelivered threw: that is the owner's bug; it closes the connection and reaches OnClosed.
            LogHandlerFailed(_logger, PeerIdentity, ex);
            BeginClose(ex);
        }
    }

    private void WriteFrame(Message message)
    {
        _output.BeginFrame();
        try
        {
            _services.Writer.Write(_output, message);
        }
        catch (FrameTooLargeException)
        {
            _output.AbandonFrame();
            var max = _services.Options.MaxFrameSize;
            LogOutgoingFrameTooLarge(_logger, message, max, this);
            Undeliver(message, new FrameTooLargeException(
                $"{message} is larger than the maximum frame size of {max} bytes (ConnectionOptions.MaxFrameSize); it was not sent to {this}."));
            return;
        }
        catch (Exception ex)
        {
            // The codec failed on this message only: its partial frame is cut off and the caller gets the codec's error.
            _output.AbandonFrame();
            LogWriteFailed(_logger, message, this, ex);
            Undeliver(message, ex);
            return;
        }

        _output.EndFrame();
        _batch.Add(message);
    }

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        // Counted as the write starts: a failed write closes the connection and hands the batch back anyway.
        var frames = _batch.Count;
        var bytes = _output.WrittenMemory;
        Volatile.Write(ref _framesSent, _framesSent + frames);
        Volatile.Write(ref _flushes, _flushes + 1);
        var instruments = _services.Instruments;
        instruments.FramesSent.Add(frames);
        instruments.BytesSent.Add(bytes.Length);
        instruments.Flushes.Add(1);
        instruments.FramesPerFlush.Record(frames);
        while (!bytes.IsEmpty)
        {
            var sent = await _socket.SendAsync(bytes, SocketFlags.None, cancellationToken);
            bytes = bytes[sent..];
        }

        foreach (var message in _batch)
        {
            _services.Writer.Release(message);
        }

        _batch.Clear();
        _output.Reset();
    }
}
