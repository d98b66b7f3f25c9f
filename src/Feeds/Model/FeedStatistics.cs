using System.Runtime.InteropServices;

namespace TgeSwarm.Feeds;

/// <summary>Counters of one venue feed. Not thread-safe: a feed is driven by one loop.</summary>
public sealed class FeedStatistics
{
    private readonly Dictionary<string, long> _rejected = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _messageTypes = new(StringComparer.Ordinal);

    /// <summary>Frames handed to the feed (WebSocket messages; REST bodies are not frames).</summary>
    public long Frames { get; internal set; }

    public long Trades { get; internal set; }

    public long Books { get; internal set; }

    /// <summary>Sequence breaks seen (a missing delta, a non-contiguous sequence number).</summary>
    public long Gaps { get; internal set; }

    /// <summary>Times a book was declared unusable and a resync asked for (gaps and checksum failures).</summary>
    public long Resyncs { get; internal set; }

    public long ChecksumOk { get; internal set; }

    public long ChecksumFailed { get; internal set; }

    /// <summary>Rejections per reason (<see cref="RejectReasons"/>).</summary>
    public IReadOnlyDictionary<string, long> RejectedByReason => _rejected;

    public long Rejected => _rejected.Values.Sum();

    /// <summary>Messages per venue message type (e.g. <c>depthUpdate</c>, <c>l2_data/update</c>), for tests and logs.</summary>
    public IReadOnlyDictionary<string, long> MessageTypes => _messageTypes;

    /// <summary>Adds up the counters of several feeds (one per connection).</summary>
    public static FeedStatistics Sum(IEnumerable<FeedStatistics> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var sum = new FeedStatistics();
        foreach (var part in parts)
        {
            sum.Frames += part.Frames;
            sum.Trades += part.Trades;
            sum.Books += part.Books;
            sum.Gaps += part.Gaps;
            sum.Resyncs += part.Resyncs;
            sum.ChecksumOk += part.ChecksumOk;
            sum.ChecksumFailed += part.ChecksumFailed;
            foreach (var (reason, count) in part._rejected)
            {
                sum._rejected[reason] = sum._rejected.GetValueOrDefault(reason) + count;
            }

            foreach (var (type, count) in part._messageTypes)
            {
                sum._messageTypes[type] = sum._messageTypes.GetValueOrDefault(type) + count;
            }
        }

        return sum;
    }

    internal void Reject(string reason) => CollectionsMarshal.GetValueRefOrAddDefault(_rejected, reason, out _)++;

    // Once per frame: one hash lookup, not a read and a write.
    internal void CountType(string type) => CollectionsMarshal.GetValueRefOrAddDefault(_messageTypes, type, out _)++;
}
