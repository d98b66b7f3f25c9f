using System.Net.WebSockets;
using System.Text;

namespace TgeSwarm.Feeds.Tests.Exchange;

/// <summary>A test's WebSocket client of the replay exchange: sends text frames, receives whole frames with a bounded wait that says what it waited for.</summary>
internal sealed class ExchangeClient : IAsyncDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly ClientWebSocket _socket;
    private readonly Uri _url;
    private byte[] _buffer = new byte[1 << 16];

    private ExchangeClient(ClientWebSocket socket, Uri url)
    {
        _socket = socket;
        _url = url;
    }

    public List<byte[]> Received { get; } = [];

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseReason => _socket.CloseStatusDescription;

    public bool IsClosed { get; private set; }

    public static async Task<ExchangeClient> ConnectAsync(Uri url)
    {
        var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(Bound);
        await socket.ConnectAsync(url, timeout.Token);
        return new ExchangeClient(socket, url);
    }

    public Task SendAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text));

    public async Task SendAsync(byte[] frame)
    {
        using var timeout = new CancellationTokenSource(Bound);
        await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
    }

    public async Task SendAllAsync(IEnumerable<byte[]> frames)
    {
        foreach (var frame in frames)
        {
            await SendAsync(frame);
        }
    }

    /// <summary>The next whole frame, or null when the server closed.</summary>
    public Task<byte[]?> ReceiveAsync() => ReceiveAsync(CancellationToken.None);

    public async Task<byte[]?> ReceiveAsync(CancellationToken cancellationToken)
    {
        if (IsClosed)
        {
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Bound);
        var length = 0;
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(_buffer.AsMemory(length), timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    IsClosed = true;
                    return null;
                }

                length += result.Count;
                if (length == _buffer.Length)
                {
                    // Coinbase's book snapshots run to megabytes.
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                }

                if (result.EndOfMessage)
                {
                    var frame = _buffer.AsSpan(0, length).ToArray();
                    Received.Add(frame);
                    return frame;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"timed out after {Bound.TotalSeconds} s waiting for frame #{Received.Count + 1} from {_url}");
        }
    }

    public async Task<string> ReceiveTextAsync() =>
        Encoding.UTF8.GetString(await ReceiveAsync() ?? throw new InvalidOperationException($"{_url} closed ({CloseStatus}: {CloseReason}) before frame #{Received.Count + 1}"));

    /// <summary>Receives until the server closes; returns every frame received on this client.</summary>
    public async Task<List<byte[]>> ReceiveUntilClosedAsync()
    {
        while (await ReceiveAsync() is not null)
        {
        }

        return Received;
    }

    /// <summary>Receives until <paramref name="count"/> frames in all have arrived (fails if the server closes first).</summary>
    public async Task<List<byte[]>> ReceiveCountAsync(int count)
    {
        while (Received.Count < count)
        {
            if (await ReceiveAsync() is null)
            {
                throw new InvalidOperationException($"{_url} closed ({CloseStatus}: {CloseReason}) after {Received.Count} of {count} frames");
            }
        }

        return Received;
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(Bound);
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "test done", timeout.Token);
            }
            catch (WebSocketException)
            {
                // The server went first; nothing left to close.
            }
        }

        _socket.Dispose();
    }
}
