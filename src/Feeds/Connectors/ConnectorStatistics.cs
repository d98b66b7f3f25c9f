namespace TgeSwarm.Feeds.Connectors;

/// <summary>
/// Counters of one <see cref="VenueConnector"/> over all its connections. Written by the connector's loop (and its
/// snapshot fetches), readable from any thread at any time: each value is read atomically, though two values read
/// one after the other may belong to slightly different moments.
/// </summary>
public sealed class ConnectorStatistics
{
    private readonly long[] _disconnects = new long[Enum.GetValues<DisconnectReason>().Length];
    private long _connects;
    private long _connectFailures;
    private long _reconnects;
    private long _frames;
    private long _bytes;
    private long _lastFrameAt;
    private long _oversizedFrames;
    private long _pingsSent;
    private long _resyncsRequested;
    private long _resubscribes;
    private long _snapshotFetches;
    private long _snapshotFetchFailures;

    /// <summary>WebSocket connections opened.</summary>
    public long Connects => Volatile.Read(ref _connects);

    /// <summary>Attempts to open a connection that failed (refused, handshake error, timeout).</summary>
    public long ConnectFailures => Volatile.Read(ref _connectFailures);

    /// <summary>Attempts made after a disconnect or a failed attempt (every attempt but the first).</summary>
    public long Reconnects => Volatile.Read(ref _reconnects);

    /// <summary>WebSocket messages read, oversized ones included.</summary>
    public long Frames => Volatile.Read(ref _frames);

    /// <summary>Payload bytes read.</summary>
    public long Bytes => Volatile.Read(ref _bytes);

    /// <summary>UTC microseconds of the last frame read; 0 before the first.</summary>
    public long LastFrameAt => Volatile.Read(ref _lastFrameAt);

    /// <summary>Frames above <see cref="FeedLimits.MaxFrameBytes"/>, read to their end and dropped unparsed.</summary>
    public long OversizedFrames => Volatile.Read(ref _oversizedFrames);

    /// <summary>Application-level pings sent (venues that want them).</summary>
    public long PingsSent => Volatile.Read(ref _pingsSent);

    /// <summary>Times a feed declared a book unusable (<see cref="IMarketEventSink.OnResyncRequired"/>).</summary>
    public long ResyncsRequested => Volatile.Read(ref _resyncsRequested);

    /// <summary>Unsubscribe + subscribe pairs issued to resync books (one pair may cover several instruments); counted as the pair is sent.</summary>
    public long Resubscribes => Volatile.Read(ref _resubscribes);

    /// <summary>REST depth snapshots fetched and handed to the feed (Binance).</summary>
    public long SnapshotFetches => Volatile.Read(ref _snapshotFetches);

    /// <summary>REST depth snapshot requests that failed and were retried.</summary>
    public long SnapshotFetchFailures => Volatile.Read(ref _snapshotFetchFailures);

    /// <summary>Open connections that ended, all reasons together.</summary>
    public long TotalDisconnects
    {
        get
        {
            long sum = 0;
            for (var i = 0; i < _disconnects.Length; i++)
            {
                sum += Volatile.Read(ref _disconnects[i]);
            }

            return sum;
        }
    }

    /// <summary>Open connections that ended for <paramref name="reason"/>.</summary>
    public long Disconnects(DisconnectReason reason) => Volatile.Read(ref _disconnects[(int)reason]);

    /// <summary>A copy of the disconnect counts, every reason present.</summary>
    public IReadOnlyDictionary<DisconnectReason, long> DisconnectsByReason()
    {
        var copy = new Dictionary<DisconnectReason, long>(_disconnects.Length);
        foreach (var reason in Enum.GetValues<DisconnectReason>())
        {
            copy[reason] = Disconnects(reason);
        }

        return copy;
    }

    internal void Connected() => Interlocked.Increment(ref _connects);

    internal void ConnectFailed() => Interlocked.Increment(ref _connectFailures);

    internal void Reconnecting() => Interlocked.Increment(ref _reconnects);

    internal void Disconnected(DisconnectReason reason) => Interlocked.Increment(ref _disconnects[(int)reason]);

    // Frames are counted by the one loop that reads them: plain volatile stores, no interlocked add per frame.
    internal void FrameRead(long bytes, long receivedAt)
    {
        Volatile.Write(ref _frames, _frames + 1);
        Volatile.Write(ref _bytes, _bytes + bytes);
        Volatile.Write(ref _lastFrameAt, receivedAt);
    }

    internal void OversizedFrame() => Interlocked.Increment(ref _oversizedFrames);

    internal void PingSent() => Interlocked.Increment(ref _pingsSent);

    internal void ResyncRequested() => Interlocked.Increment(ref _resyncsRequested);

    internal void Resubscribed() => Interlocked.Increment(ref _resubscribes);

    internal void SnapshotFetched() => Interlocked.Increment(ref _snapshotFetches);

    internal void SnapshotFetchFailed() => Interlocked.Increment(ref _snapshotFetchFailures);
}
