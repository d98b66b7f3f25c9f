using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Threading.Channels;
using TgeSwarm.Runtime.Messaging;
using TgeSwarm.Runtime.Networking;

namespace TgeSwarm.Runtime.Tests.Networking;

internal sealed record ReceivedFrame(Connection Connection, long Id, int Length);

internal sealed record ClosedEvent(Connection Connection, Exception? Error);

/// <summary>Records what connections report; waits are bounded and say what they waited for.</summary>
internal sealed class RecordingHandler : IMessageHandler
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly Channel<ReceivedFrame> _frames = Channel.CreateUnbounded<ReceivedFrame>();
    private readonly Channel<ClosedEvent> _closed = Channel.CreateUnbounded<ClosedEvent>();

    /// <summary>Runs inside OnFrame, on the receive loop (e.g. to answer, or to stop reading).</summary>
    public Action<Connection, long>? OnFrameHook { get; set; }

    public ConcurrentQueue<(Message Message, Exception Reason)> Undelivered { get; } = new();

    public void OnFrame(Connection connection, in ReadOnlySequence<byte> frame)
    {
        Span<byte> id = stackalloc byte[8];
        frame.Slice(0, 8).CopyTo(id);
        var messageId = BinaryPrimitives.ReadInt64LittleEndian(id);
        OnFrameHook?.Invoke(connection, messageId);
        _frames.Writer.TryWrite(new ReceivedFrame(connection, messageId, (int)frame.Length));
    }

    public void OnUndelivered(Connection connection, Message message, Exception reason) => Undelivered.Enqueue((message, reason));

    public void OnClosed(Connection connection, Exception? error) => _closed.Writer.TryWrite(new ClosedEvent(connection, error));

    public async Task<List<ReceivedFrame>> FramesAsync(int count, string what)
    {
        var frames = new List<ReceivedFrame>(count);
        using var timeout = new CancellationTokenSource(Bound);
        try
        {
            while (frames.Count < count)
            {
                frames.Add(await _frames.Reader.ReadAsync(timeout.Token));
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"timed out after {Bound.TotalSeconds} s waiting for {what}: {frames.Count} of {count} frames arrived");
        }

        return frames;
    }

    public async Task<ClosedEvent> ClosedAsync(string what)
    {
        using var timeout = new CancellationTokenSource(Bound);
        try
        {
            return await _closed.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"timed out after {Bound.TotalSeconds} s waiting for {what} to report OnClosed");
        }
    }

    public int FramesPending => _frames.Reader.Count;

    public int ClosedPending => _closed.Reader.Count;
}
