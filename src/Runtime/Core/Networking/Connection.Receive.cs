using System.Buffers;
using System.Net.Sockets;
using TgeSwarm.Runtime.Messaging;

namespace TgeSwarm.Runtime.Networking;

internal sealed partial class Connection
{
    private long _framesReceived;

    /// <summary>
    /// The message a handler reads each received frame's header into: frames are handled one at a time on the
    /// receive loop, and no handler keeps the header past its frame, so one per connection saves an object per frame.
    /// </summary>
    internal Message ReceivedHeader { get; } = new();

    /// <summary>Frames received and handed to the handler so far.</summary>
    public long FramesReceived => Volatile.Read(ref _framesReceived);

    private async Task ReceiveLoopAsync()
    {
        var closing = _closing.Token;
        var maxFrameSize = _services.Options.MaxFrameSize;
        try
        {
            while (true)
            {
                var result = await _input.ReadAsync(closing);
                var buffer = result.Buffer;
                var frames = 0;
                long bytes = 0;
                try
                {
                    while (true)
                    {
                        // Frames inside the first segment are cut from its memory directly; only one that crosses
                        // into the next segment goes through sequence slicing.
                        var segment = buffer.First;
                        var offset = 0;
                        while (FrameReader.TryReadContiguous(segment, ref offset, maxFrameSize, out var whole))
                        {
                            frames++;
                            bytes += FrameBuffer.PrefixLength + whole.Length;
                            _handler.OnFrame(this, new ReadOnlySequence<byte>(whole));
                        }

                        if (offset > 0)
                        {
                            buffer = buffer.Slice(offset);
                        }

                        if (!FrameReader.TryRead(ref buffer, maxFrameSize, out var frame))
                        {
                            break;
                        }

                        frames++;
                        bytes += FrameBuffer.PrefixLength + frame.Length;
                        _handler.OnFrame(this, frame);
                    }
                }
                finally
                {
                    CountReceived(frames, bytes);
                }

                var partial = !buffer.IsEmpty;
                _input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    BeginClose(partial ? new IOException($"{this} closed the connection in the middle of a frame.") : null);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (closing.IsCancellationRequested)
        {
            // Closing from this side.
        }
        catch (FrameTooLargeException ex)
        {
            LogIncomingFrameTooLarge(_logger, this, ex.Message);
            BeginClose(ex);
        }
        catch (Exception ex) when (ex is SocketException or IOException or ObjectDisposedException)
        {
            BeginClose(ex);
        }
        catch (Exception ex)
        {
            // The handler's OnFrame threw: the owner's bug, so the connection closes with it and OnClosed reports it.
            LogHandlerFailed(_logger, PeerIdentity, ex);
            BeginClose(ex);
        }
    }

    private void CountReceived(int frames, long bytes)
    {
        if (frames == 0)
        {
            return;
        }

        Volatile.Write(ref _framesReceived, _framesReceived + frames);
        _services.Instruments.FramesReceived.Add(frames);
        _services.Instruments.BytesReceived.Add(bytes);
    }
}
