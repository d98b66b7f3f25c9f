using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TgeSwarm.Runtime.Configuration;
using TgeSwarm.Runtime.Messaging;
using TgeSwarm.Runtime.Networking;

namespace TgeSwarm.Bench.Benchmarks;

/// <summary>
/// <see cref="Baselines.RawSocketEcho"/>'s exchange over the runtime's transport: a listener and a connection manager
/// (handshake included), <see cref="Connection.TrySend"/> for each request and response, a writer that puts the id,
/// the value and the same filler in the frame. The gap to the raw echo is the transport's own cost (queue, batching
/// loop, pipe reader, callbacks), with no serializer or grain runtime on top.
/// </summary>
internal sealed class ConnectionEcho : IAsyncDisposable, IMessageHandler
{
    private readonly ServiceProvider _metrics;
    private readonly ConnectionListener _listener;
    private readonly ConnectionManager _manager;
    private readonly ConcurrentDictionary<long, TaskCompletionSource<int>> _pending = new();
    private Connection? _connection;
    private long _nextId;

    private ConnectionEcho(int payloadBytes)
    {
        _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var services = new ConnectionServices(
            Options.Create(new ConnectionOptions { ClusterSecret = "bench" }),
            Options.Create(new ClusterOptions { ClusterId = "bench" }),
            new EchoWriter(payloadBytes),
            new NetworkingInstruments(_metrics.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()),
            TimeProvider.System,
            NullLoggerFactory.Instance);
        _listener = new ConnectionListener(services, new EchoServer());
        var endpoint = _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Server = new SiloAddress(endpoint, 1);
        _listener.Start(Server);
        _manager = new ConnectionManager(services, PeerIdentity.ForSilo(new SiloAddress(new IPEndPoint(IPAddress.Loopback, 1), 1)), this);
    }

    public SiloAddress Server { get; }

    /// <summary>The client side's connection, for its frames-per-flush count.</summary>
    public Connection Connection => _connection!;

    public static async Task<ConnectionEcho> StartAsync(int payloadBytes, CancellationToken cancellationToken = default)
    {
        var echo = new ConnectionEcho(payloadBytes);
        echo._connection = await echo._manager.GetConnectionAsync(echo.Server, cancellationToken);
        return echo;
    }

    public Task<int> CallAsync(int value)
    {
        var id = Interlocked.Increment(ref _nextId);
        var call = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = call;
        if (!_connection!.TrySend(new Message { Kind = MessageKind.Request, Id = id, MethodId = (uint)value }))
        {
            _pending.TryRemove(id, out _);
            call.SetException(new InvalidOperationException("The echo connection refused a request (closed or full)."));
        }

        return call.Task;
    }

    public async ValueTask DisposeAsync()
    {
        await _manager.DisposeAsync();
        await _listener.DisposeAsync();
        await _metrics.DisposeAsync();
    }

    void IMessageHandler.OnFrame(Connection connection, in ReadOnlySequence<byte> frame)
    {
        var (id, value) = EchoWriter.Read(frame);
        if (_pending.TryRemove(id, out var call))
        {
            call.TrySetResult(value);
        }
    }

    void IMessageHandler.OnUndelivered(Connection connection, Message message, Exception reason)
    {
        if (_pending.TryRemove(message.Id, out var call))
        {
            call.TrySetException(reason);
        }
    }

    void IMessageHandler.OnClosed(Connection connection, Exception? error)
    {
    }

    /// <summary>Answers every request with value + 1 on the connection it came from.</summary>
    private sealed class EchoServer : IMessageHandler
    {
        public void OnFrame(Connection connection, in ReadOnlySequence<byte> frame)
        {
            var (id, value) = EchoWriter.Read(frame);
            if (!connection.TrySend(new Message { Kind = MessageKind.Response, Id = id, MethodId = (uint)(value + 1) }))
            {
                throw new InvalidOperationException("The echo server's connection refused a response (closed or full).");
            }
        }

        public void OnUndelivered(Connection connection, Message message, Exception reason)
        {
        }

        public void OnClosed(Connection connection, Exception? error)
        {
        }
    }

    /// <summary>Id, value (carried in <see cref="Message.MethodId"/>) and filler: the raw echo's frame body.</summary>
    private sealed class EchoWriter(int payloadBytes) : IMessageWriter
    {
        public static (long Id, int Value) Read(in ReadOnlySequence<byte> frame)
        {
            Span<byte> header = stackalloc byte[12];
            frame.Slice(0, 12).CopyTo(header);
            return (BinaryPrimitives.ReadInt64LittleEndian(header), BinaryPrimitives.ReadInt32LittleEndian(header[8..]));
        }

        public void Write(IBufferWriter<byte> output, Message message)
        {
            var span = output.GetSpan(12 + payloadBytes);
            BinaryPrimitives.WriteInt64LittleEndian(span, message.Id);
            BinaryPrimitives.WriteInt32LittleEndian(span[8..], (int)message.MethodId);
            span.Slice(12, payloadBytes).Fill(0xAB);
            output.Advance(12 + payloadBytes);
        }
    }
}
