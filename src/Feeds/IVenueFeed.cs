namespace TgeSwarm.Feeds;

/// <summary>
/// One venue's parser and book keeper behind a single entry point. A feed never throws for bad input: malformed,
/// truncated, oversized and unknown frames are counted in <see cref="Statistics"/> with their reason and skipped,
/// so one bad frame cannot stop a socket loop. Not thread-safe: one feed per connection loop.
/// </summary>
public interface IVenueFeed
{
    Venue Venue { get; }

    FeedStatistics Statistics { get; }

    /// <summary>One WebSocket text frame (UTF-8). <paramref name="receivedAt"/> is UTC microseconds, used when the venue sends no time.</summary>
    void OnFrame(ReadOnlySpan<byte> frame, long receivedAt);

    /// <summary>A REST response body (Binance depth snapshots); other venues ignore it.</summary>
    void OnRestResponse(string url, ReadOnlySpan<byte> body, long receivedAt);
}
