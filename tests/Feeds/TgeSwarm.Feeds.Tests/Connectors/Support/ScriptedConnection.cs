using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace TgeSwarm.Feeds.Tests.Connectors.Support;

/// <summary>
/// The server's side of one client connection: what the client sent (text messages, in order), and the means to
/// send frames, close, or drop the connection. <see cref="Ended"/> completes when the client is gone.
/// </summary>
internal sealed class ScriptedConnection(WebSocket socket, string target)
{
    private readonly Channel<string> _received = Channel.CreateUnbounded<string>();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Path and query the client asked for.</summary>
    public string Target { get; } = target;

    /// <summary>Completes when the connection is over (the client closed or dropped it, or the server did).</summary>
    public Task Ended => _ended.Task;

    /// <summary>How the client's side ended: a close frame, or the connection breaking.</summary>
    public WebSocketCloseStatus? ClientCloseStatus { get; private set; }

    public async Task<string> ReceiveAsync(string waitingFor)
    {
        using var bound = new CancellationTokenSource(Bounds.Wait);
        try
        {
            return await _received.Reader.ReadAsync(bound.Token);
        }
        catch (OperationCanceledException) when (bound.IsCancellationRequested)
        {
            throw new TimeoutException($"timed out after {Bounds.Wait} on {Target} waiting for {waitingFor}");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"the client closed {Target} while the server waited for {waitingFor}");
        }
    }

    public async Task<List<string>> ReceiveAsync(int count, string waitingFor)
    {
        var messages = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            messages.Add(await ReceiveAsync($"{waitingFor} ({i + 1} of {count})"));
        }

        return messages;
    }

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendAsync(byte[] frame)
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public async Task CloseAsync()
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "scripted close", CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public void Abort() => socket.Abort();

    public async Task WaitEndedAsync(string waitingFor)
    {
        try
        {
            await Ended.WaitAsync(Bounds.Wait);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"timed out after {Bounds.Wait} waiting for {Target} to end: {waitingFor}");
        }
    }

    internal async Task ReadUntilClosedAsync(CancellationToken stopping)
    {
        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.GetMemory(4096), stopping);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    ClientCloseStatus = socket.CloseStatus;
                    break;
                }

                buffer.Advance(result.Count);
                if (result.EndOfMessage)
                {
                    _received.Writer.TryWrite(Encoding.UTF8.GetString(buffer.WrittenSpan));
                    buffer.Clear();
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
        {
            // The client dropped the connection, or the server stopped: either way it is over.
        }
        finally
        {
            _received.Writer.TryComplete();
            _ended.TrySetResult();
        }
    }
}
