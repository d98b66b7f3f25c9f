using System.Text.Json;
using TgeSwarm.Feeds.Parsing;

namespace TgeSwarm.Feeds.Replay;

/// <summary>
/// Feeds a recorded session (cryptofeed v3 JSON lines, plain or gzip; or bare venue frames, one per line) through
/// the venue's parsers as fast as possible: one <see cref="IVenueFeed"/> per recorded WebSocket connection, since
/// sequence numbers and symbols are per connection; REST bodies go to every feed (Binance takes its depth
/// snapshots from them). Frames the client sent are not replayed.
/// </summary>
public sealed class RecordingReplay(Venue venue, IMarketEventSink sink)
{
    private readonly Dictionary<string, IVenueFeed> _feeds = new(StringComparer.Ordinal);
    private readonly FeedStatistics _lines = new();
    private readonly ScratchBuffer _scratch = new();

    /// <summary>The counters of every connection's feed added up, plus recording lines that could not be read.</summary>
    public FeedStatistics Statistics => FeedStatistics.Sum(_feeds.Values.Select(f => f.Statistics).Append(_lines));

    /// <summary>Replays <paramref name="input"/> to its end.</summary>
    /// <exception cref="InvalidDataException">The input is not gzip though it says so, or not a recording at all.</exception>
    public void Run(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var bytes = RecordingBytes.ReadAll(input);
        if (bytes.AsSpan().Trim(" \r\n\t"u8).IsEmpty)
        {
            throw new InvalidDataException("The input holds no line.");
        }

        foreach (var range in InTimeOrder(bytes))
        {
            OnLine(bytes.AsSpan(range));
        }
    }

    /// <summary>
    /// Lines ordered by their receive time (stable; bare frames keep their place). The recorder writes REST
    /// bodies when the request is made, ahead of frames received meanwhile; in time order a Binance snapshot comes
    /// after the diffs buffered while it was fetched, as it did live.
    /// </summary>
    private IEnumerable<Range> InTimeOrder(byte[] bytes)
    {
        var lines = new List<(Range Range, double Seconds)>();
        var start = 0;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            end = end < 0 ? bytes.Length : end;
            var range = new Range(start, end > start && bytes[end - 1] == '\r' ? end - 1 : end);
            if (range.End.Value > start)
            {
                lines.Add((range, TimeOf(bytes.AsSpan(range), lines.Count == 0 ? 0 : lines[^1].Seconds)));
            }

            start = end + 1;
        }

        return lines.OrderBy(static l => l.Seconds).Select(static l => l.Range);
    }

    private double TimeOf(ReadOnlySpan<byte> line, double previous)
    {
        try
        {
            var recorded = RecordingLineParser.Parse(line, _scratch);
            return recorded.Kind is RecordedLineKind.RawFrame or RecordedLineKind.Header ? previous : recorded.ReceivedSeconds;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // Bad lines are counted when they are replayed; for ordering they stay where they are.
            return previous;
        }
    }

    private void OnLine(ReadOnlySpan<byte> line)
    {
        RecordedLine recorded;
        try
        {
            recorded = RecordingLineParser.Parse(line, _scratch);
        }
        catch (JsonException)
        {
            // A line that is not even an envelope is handed over as a bare frame so the feed counts it by reason.
            Feed("raw", address: null).OnFrame(line, 0);
            return;
        }
        catch (InvalidOperationException)
        {
            _lines.Reject(RejectReasons.Schema);
            return;
        }

        switch (recorded.Kind)
        {
            case RecordedLineKind.Connect:
                Feed(recorded.Connection ?? "?", recorded.Address);
                break;
            case RecordedLineKind.Receive:
                Feed(recorded.Connection ?? "?", address: null).OnFrame(recorded.Data, recorded.ReceivedMicros);
                break;
            case RecordedLineKind.RawFrame:
                Feed("raw", address: null).OnFrame(recorded.Data, 0);
                break;
            case RecordedLineKind.Http when recorded.Address is not null:
                OnHttp(recorded.Address, recorded.Data, recorded.ReceivedMicros);
                break;
        }
    }

    private void OnHttp(string url, ReadOnlySpan<byte> body, long receivedAt)
    {
        // A body fetched before any connection exists (instrument lists) has no book to sync.
        foreach (var feed in _feeds.Values)
        {
            feed.OnRestResponse(url, body, receivedAt);
        }
    }

    private IVenueFeed Feed(string connection, string? address)
    {
        if (!_feeds.TryGetValue(connection, out var feed))
        {
            feed = VenueFeeds.Create(venue, sink, address is null ? null : new Uri(address));
            _feeds.Add(connection, feed);
        }

        return feed;
    }
}
