namespace TgeSwarm.Runtime.Membership;

/// <summary>
/// Optional companion of an <see cref="IMembershipTable"/> that can tell when the table changed (PostgreSQL
/// LISTEN/NOTIFY, the in-memory table's own writes), so silos re-read it at once instead of at the next refresh.
/// </summary>
public interface IMembershipTableChangeFeed
{
    /// <summary>
    /// Yields the table version after each change this feed hears of (possibly coalesced; a version may be skipped),
    /// until <paramref name="cancellationToken"/> is cancelled; cancellation ends the enumeration without an exception.
    /// Versions never go backwards within one enumeration. Only changes made after the enumeration started (its first
    /// <c>MoveNextAsync</c>; for a connection-backed feed, once it listens) are heard. A broken connection is retried
    /// inside; callers still refresh periodically, as a notification can be lost.
    /// </summary>
    IAsyncEnumerable<int> WatchAsync(CancellationToken cancellationToken);
}
