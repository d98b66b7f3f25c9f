using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace TgeSwarm.Bench.Baselines;

/// <summary>
/// The floor for any request/response over TCP in this process: one loopback connection, pipelined, with nothing but
/// what a request/response needs — a correlation id, a pending-call table, one writer loop per side that sends every
/// queued frame in one socket call, one reader loop per side. Frames are a 4-byte length, an 8-byte id, a 4-byte
/// value and <c>payloadBytes</c> of filler; the server answers value + 1, so a caller sees the same contract as
/// <c>ICallGrain.AddAsync</c>. No serializer, no runtime, no handshake: the transport and a grain call are measured
/// against it.
/// </summary>
internal sealed class RawSocketEcho : IAsyncDisposable
{
    private const int HeaderBytes = 12;

    private readonly Socket _listener;
    private readonly Socket _client;
    private readonly Socket _server;
    private readonly int _payloadBytes;
    private readonly ConcurrentDictionary<long, TaskCompletionSource<int>> _pending = new();
    private readonly Channel<(long Id, int Value)> _outgoing =
        Channel.CreateUnbounded<(long, int)>(new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _loops;
    private long _nextId;

    private RawSocketEcho(Socket listener, Socket client, Socket server, int payloadBytes)
    {
        _listener = listener;
        _client = client;
        _server = server;
        _payloadBytes = payloadBytes;
        _loops = [ClientWriteLoopAsync(_stop.Token), ClientReadLoopAsync(_stop.Token), ServerLoopAsync(_stop.Token)];
    }

    public static async Task<RawSocketEcho> StartAsync(int payloadBytes, CancellationToken cancellationToken = default)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var accepting = listener.AcceptAsync(cancellationToken).AsTask();
        await client.ConnectAsync(listener.LocalEndPoint!, cancellationToken);
        var server = await accepting;
        server.NoDelay = true;
        return new RawSocketEcho(listener, client, server, payloadBytes);
    }

    public Task<int> CallAsync(int value)
    {
        var id = Interlocked.Increment(ref _nextId);
        var call = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = call;
        _outgoing.Writer.TryWrite((id, value));
        return call.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _outgoing.Writer.TryComplete();
        await _stop.CancelAsync();
        _client.Dispose();
        _server.Dispose();
        _listener.Dispose();
        await Task.WhenAll(_loops).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        foreach (var call in _pending.Values)
        {
            call.TrySetCanceled();
        }
    }

    private async Task ClientWriteLoopAsync(CancellationToken cancellationToken)
    {
        var frame = HeaderBytes + _payloadBytes;
        var buffer = new byte[256 * (4 + frame)];
        try
        {
            while (await _outgoing.Reader.WaitToReadAsync(cancellationToken))
            {
                var length = 0;
                while (length + 4 + frame <= buffer.Length && _outgoing.Reader.TryRead(out var request))
                {
                    length += WriteFrame(buffer.AsSpan(length), request.Id, request.Value);
                }

                await SendAllAsync(_client, buffer.AsMemory(0, length), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException && cancellationToken.IsCancellationRequested)
        {
            // Disposed.
        }
    }

    private async Task ClientReadLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var filled = 0;
        try
        {
            while (true)
            {
                var read = await _client.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, cancellationToken);
                if (read == 0)
                {
                    return;
                }

                filled += read;
                var consumed = 0;
                while (TryReadFrame(buffer.AsSpan(consumed, filled - consumed), out var id, out var value, out var size))
                {
                    if (_pending.TryRemove(id, out var call))
                    {
                        call.TrySetResult(value);
                    }

                    consumed += size;
                }

                Compact(buffer, ref filled, consumed);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException && cancellationToken.IsCancellationRequested)
        {
            // Disposed.
        }
    }

    /// <summary>Reads whatever arrived, answers every complete request in it with one socket call.</summary>
    private async Task ServerLoopAsync(CancellationToken cancellationToken)
    {
        var input = new byte[64 * 1024];
        var output = new byte[64 * 1024];
        var filled = 0;
        try
        {
            while (true)
            {
                var read = await _server.ReceiveAsync(input.AsMemory(filled), SocketFlags.None, cancellationToken);
                if (read == 0)
                {
                    return;
                }

                filled += read;
                var consumed = 0;
                var written = 0;
                while (TryReadFrame(input.AsSpan(consumed, filled - consumed), out var id, out var value, out var size))
                {
                    written += WriteFrame(output.AsSpan(written), id, value + 1);
                    consumed += size;
                }

                Compact(input, ref filled, consumed);
                await SendAllAsync(_server, output.AsMemory(0, written), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException && cancellationToken.IsCancellationRequested)
        {
            // Disposed.
        }
    }

    private int WriteFrame(Span<byte> destination, long id, int value)
    {
        var length = HeaderBytes + _payloadBytes;
        BinaryPrimitives.WriteInt32LittleEndian(destination, length);
        BinaryPrimitives.WriteInt64LittleEndian(destination[4..], id);
        BinaryPrimitives.WriteInt32LittleEndian(destination[12..], value);
        destination.Slice(4 + HeaderBytes, _payloadBytes).Fill(0xAB);
        return 4 + length;
    }

    private static bool TryReadFrame(ReadOnlySpan<byte> source, out long id, out int value, out int size)
    {
        id = 0;
        value = 0;
        size = 0;
        if (source.Length < 4)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(source);
        if (source.Length < 4 + length)
        {
            return false;
        }

        id = BinaryPrimitives.ReadInt64LittleEndian(source[4..]);
        value = BinaryPrimitives.ReadInt32LittleEndian(source[12..]);
        size = 4 + length;
        return true;
    }

    private static void Compact(byte[] buffer, ref int filled, int consumed)
    {
        buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
        filled -= consumed;
    }

    private static async ValueTask SendAllAsync(Socket socket, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        while (!bytes.IsEmpty)
        {
            bytes = bytes[await socket.SendAsync(bytes, SocketFlags.None, cancellationToken)..];
        }
    }
}
