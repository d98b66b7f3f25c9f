using System.Net.WebSockets;
using System.Threading.Channels;

namespace TgeSwarm.Feeds.Connectors;

/// <summary>
/// One open WebSocket and what lives exactly as long as it: its feed (sequence numbers and books are per
/// connection), the sink that notes resyncs, the reassembly buffer, the snapshot inbox and the background tasks
/// (pings, the silence watchdog, snapshot fetches), all stopped by cancelling <see cref="Token"/>.
/// Sends are serialised here because pings and resubscribes come from different tasks and a WebSocket takes one
/// send at a time.
/// </summary>
internal sealed class VenueConnection : IDisposable
{
    private readonly CancellationTokenSource _lifetime;
    // Binance weighs a 1000-level snapshot 50 of 6000 per minute: a reconnect must not fetch every book at once.
    private const int ConcurrentSnapshotFetches = 4;

    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly List<Task> _background = [];
    private long _lastActivity;
    private int _abortReason = -1;

    public VenueConnection(ClientWebSocket socket, IVenueFeed feed, ConnectorSink sink, CancellationTokenSource lifetime, bool usesRestSnapshots, long openedAt)
    {
        Socket = socket;
        Feed = feed;
        Sink = sink;
        _lifetime = lifetime;
        _lastActivity = openedAt;
        Snapshots = usesRestSnapshots
            ? Channel.CreateUnbounded<RestSnapshot>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false })
            : null;
    }

    public ClientWebSocket Socket { get; }

    public IVenueFeed Feed { get; }

    public ConnectorSink Sink { get; }

    public FrameAssembler Assembler { get; } = new();

    /// <summary>Cancelled when the connection ends, for whatever reason.</summary>
    public CancellationToken Token => _lifetime.Token;

    /// <summary>Fetched REST snapshots (Binance), applied by the loop; null for venues without them.</summary>
    public Channel<RestSnapshot>? Snapshots { get; }

    /// <summary>The loop's pending wait for <see cref="Snapshots"/>, kept across receives so waiters do not pile up.</summary>
    public Task<bool>? SnapshotWait { get; set; }

    /// <summary>Limits the REST snapshot requests in flight on this connection.</summary>
    public SemaphoreSlim SnapshotSlots { get; } = new(ConcurrentSnapshotFetches, ConcurrentSnapshotFetches);

    /// <summary>Instruments whose snapshot is being fetched, so a second request does not fetch twice.</summary>
    public HashSet<string> Fetching { get; } = new(StringComparer.Ordinal);

    /// <summary>Why the connection was ended from our side (the watchdog), if it was.</summary>
    public DisconnectReason? AbortReason
    {
        get
        {
            var reason = Volatile.Read(ref _abortReason);
            return reason < 0 ? null : (DisconnectReason)reason;
        }
    }

    public IReadOnlyList<Task> Background => _background;

    public void Track(Task task) => _background.Add(task);

    /// <summary>A frame arrived (or a flush ended and reading resumes) at <paramref name="nowMicros"/>.</summary>
    public void MarkActive(long nowMicros) => Volatile.Write(ref _lastActivity, nowMicros);

    /// <summary>The loop is in the consumer's flush, not reading: silence is not the venue's then.</summary>
    public void SuspendSilenceWatch() => Volatile.Write(ref _lastActivity, long.MaxValue);

    public bool IsSilent(long nowMicros, TimeSpan timeout) => nowMicros - Volatile.Read(ref _lastActivity) >= timeout.Ticks / TimeSpan.TicksPerMicrosecond;

    /// <summary>Ends the connection from our side: the pending receive is cancelled and the socket aborted.</summary>
    public void Abort(DisconnectReason reason)
    {
        Interlocked.CompareExchange(ref _abortReason, (int)reason, -1);
        _lifetime.Cancel();
    }

    /// <summary>Ends the connection's background work; its socket is closed by the caller.</summary>
    public Task CancelAsync() => _lifetime.CancelAsync();

    public async ValueTask SendAsync(byte[] message, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await Socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public void Dispose()
    {
        Assembler.Dispose();
        _sendLock.Dispose();
        SnapshotSlots.Dispose();
    }
}
