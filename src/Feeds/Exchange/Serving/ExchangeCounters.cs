using System.Collections.Concurrent;

namespace TgeSwarm.Feeds.Exchange.Serving;

/// <summary>
/// The exchange-wide counters behind <see cref="ReplayExchangeStatistics"/>; thread-safe. Connection details are kept
/// for the most recent <see cref="MaxConnectionDetails"/> connections, so a long run of reconnects stays bounded.
/// </summary>
internal sealed class ExchangeCounters
{
    public const int MaxConnectionDetails = 1000;

    private readonly long[] _framesByVenue = new long[Enum.GetValues<Venue>().Length];
    private readonly long[] _faultsByKind = new long[Enum.GetValues<ReplayFaultKind>().Length];
    private readonly ConcurrentDictionary<long, ConnectionCounters> _connections = new();
    private long _connectionCount;
    private long _subscribeMismatches;
    private long _subscribeTimeouts;
    private long _httpRequests;
    private long _httpNotFound;

    public ConnectionCounters OpenConnection(Venue venue, string path)
    {
        var counters = new ConnectionCounters(Interlocked.Increment(ref _connectionCount), venue, path, this);
        _connections[counters.Id] = counters;
        _connections.TryRemove(counters.Id - MaxConnectionDetails, out _);
        return counters;
    }

    public void SubscribeMismatch() => Interlocked.Increment(ref _subscribeMismatches);

    public void SubscribeTimeout() => Interlocked.Increment(ref _subscribeTimeouts);

    public void HttpRequest() => Interlocked.Increment(ref _httpRequests);

    public void HttpNotFound() => Interlocked.Increment(ref _httpNotFound);

    public void FrameSent(Venue venue) => Interlocked.Increment(ref _framesByVenue[(int)venue]);

    public void Fault(ReplayFaultKind kind) => Interlocked.Increment(ref _faultsByKind[(int)kind]);

    public ReplayExchangeStatistics Snapshot(IEnumerable<Venue> venues) => new(
        Interlocked.Read(ref _connectionCount),
        Interlocked.Read(ref _subscribeMismatches),
        Interlocked.Read(ref _subscribeTimeouts),
        Interlocked.Read(ref _httpRequests),
        Interlocked.Read(ref _httpNotFound),
        venues.ToDictionary(v => v, v => Interlocked.Read(ref _framesByVenue[(int)v])),
        Enum.GetValues<ReplayFaultKind>().ToDictionary(k => k, k => Interlocked.Read(ref _faultsByKind[(int)k])),
        [.. _connections.Values.OrderBy(static c => c.Id).Select(static c => c.Snapshot())]);
}
