using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using TgeSwarm.Feeds.Tests.Support;

namespace TgeSwarm.Feeds.Tests.Venues;

/// <summary>
/// The feeds read a frame by the shortest route its shape allows (Kraken v1 book frames by a dedicated scanner, data
/// arrays where they stand once the channel is known) and fall back to the general route otherwise. Each recorded
/// session replayed with its frames reshaped to force the general route must give exactly the same events.
/// </summary>
public sealed class ReadPathEquivalenceTests
{
    private static readonly JsonSerializerOptions Raw = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Kraken_v1_book_frames_read_by_the_scanner_equal_the_tokenizer_reading_them_in_place_or_afterwards()
    {
        var frames = Frames(Venue.KrakenV1);

        var scanned = Replay(Venue.KrakenV1, frames);
        // A signed channel id is valid JSON the scanner does not take: the tokenizer reads payloads in place.
        var inPlace = Replay(Venue.KrakenV1, Reshape(frames, static f => f.StartsWith('[') ? "[-" + f[1..] : f));
        // A trailing space hides the names at the end: payloads are saved and read once the names are known.
        var afterwards = Replay(Venue.KrakenV1, Reshape(frames, static f => f.StartsWith('[') ? f + " " : f));

        Assert.True(scanned.Statistics.ChecksumOk > 4000);
        AssertSame(scanned, inPlace);
        AssertSame(scanned, afterwards);
    }

    [Theory]
    [InlineData(Venue.Coinbase, "events")]
    [InlineData(Venue.Bybit, "data")]
    [InlineData(Venue.Okx, "data")]
    public void Data_ahead_of_its_channel_gives_the_events_of_data_read_where_it_stands(Venue venue, string data)
    {
        var frames = Frames(venue);

        var original = Replay(venue, frames);
        var dataFirst = Replay(venue, Reshape(frames, f => MoveFirst(f, data)));

        Assert.NotEmpty(original.Sink.Books);
        AssertSame(original, dataFirst);
    }

    [Theory]
    [InlineData(Venue.Coinbase, "sequence_num")]
    [InlineData(Venue.Bybit, "ts")]
    public void Frames_the_fast_path_leaves_to_the_tokenizer_give_the_same_events(Venue venue, string integer)
    {
        var frames = Frames(venue);

        var original = Replay(venue, frames);
        // The same integer written as a string of digits: the tokenizer reads it alike, the fast path declines it.
        var quoted = new System.Text.RegularExpressions.Regex($"\"{integer}\":(\\d+)");
        var general = Replay(venue, Reshape(frames, f => quoted.Replace(f, $"\"{integer}\":\"$1\"", 1)));

        Assert.NotEmpty(original.Sink.Books);
        AssertSame(original, general);
    }

    [Fact]
    public void A_frame_cut_after_its_trades_emits_none_of_them()
    {
        var sink = new CollectingSink();
        var feed = VenueFeeds.Create(Venue.Okx, sink);

        feed.OnFrame("""{"arg":{"channel":"trades","instId":"BTC-USDT"},"data":[{"instId":"BTC-USDT","tradeId":"1","px":"30236","sz":"1","side":"buy","ts":"1"}]"""u8, 0);

        Assert.Equal(1, feed.Statistics.RejectedByReason[RejectReasons.Truncated]);
        Assert.Empty(sink.Trades);
    }

    private static string MoveFirst(string frame, string property)
    {
        if (!frame.StartsWith('{') || JsonNode.Parse(frame) is not JsonObject envelope || !envelope.ContainsKey(property))
        {
            return frame;
        }

        var reordered = new JsonObject { [property] = envelope[property]!.DeepClone() };
        foreach (var (name, value) in envelope)
        {
            if (name != property)
            {
                reordered[name] = value?.DeepClone();
            }
        }

        return reordered.ToJsonString(Raw);
    }

    private static List<(string? Connection, string Data, long ReceivedAt)> Reshape(List<(string? Connection, string Data, long ReceivedAt)> frames, Func<string, string> reshape) =>
        [.. frames.Select(f => f.Connection is null ? f : (f.Connection, reshape(f.Data), f.ReceivedAt))];

    // Receive and REST lines of the embedded session, in time order (REST bodies have no connection).
    private static List<(string? Connection, string Data, long ReceivedAt)> Frames(Venue venue)
    {
        using var gzip = new GZipStream(RecordedSessions.Open(venue), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var frames = new List<(string? Connection, string Data, long ReceivedAt, double Seconds)>();
        while (reader.ReadLine() is { } line)
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var kind = root.GetProperty("t").GetString();
            if (kind is "recv" or "http" && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.String)
            {
                var seconds = root.GetProperty("ts").GetDouble();
                frames.Add((kind == "recv" ? root.GetProperty("conn").GetString() : root.GetProperty("url").GetString() + "\n", data.GetString()!, (long)(seconds * 1e6), seconds));
            }
        }

        return [.. frames.OrderBy(static f => f.Seconds).Select(static f => (f.Connection!.EndsWith('\n') ? null : f.Connection, f.Data, f.ReceivedAt))];
    }

    private static (CollectingSink Sink, FeedStatistics Statistics) Replay(Venue venue, List<(string? Connection, string Data, long ReceivedAt)> frames)
    {
        var sink = new CollectingSink();
        var feeds = new Dictionary<string, IVenueFeed>(StringComparer.Ordinal);
        foreach (var (connection, data, receivedAt) in frames)
        {
            if (connection is null)
            {
                continue;
            }

            if (!feeds.TryGetValue(connection, out var feed))
            {
                feed = VenueFeeds.Create(venue, sink, venue == Venue.Bybit && connection.Contains("linear", StringComparison.Ordinal) ? new Uri("wss://x/v5/public/linear") : null);
                feeds.Add(connection, feed);
            }

            feed.OnFrame(Encoding.UTF8.GetBytes(data), receivedAt);
        }

        return (sink, FeedStatistics.Sum(feeds.Values.Select(static f => f.Statistics)));
    }

    private static void AssertSame((CollectingSink Sink, FeedStatistics Statistics) expected, (CollectingSink Sink, FeedStatistics Statistics) actual)
    {
        Assert.Equal(Describe(expected.Statistics), Describe(actual.Statistics));
        Assert.Equal(expected.Sink.Trades.Select(Describe), actual.Sink.Trades.Select(Describe));
        Assert.Equal(expected.Sink.Books.Select(Describe), actual.Sink.Books.Select(Describe));
        Assert.Equal(expected.Sink.Resyncs, actual.Sink.Resyncs);
    }

    private static string Describe(FeedStatistics s) =>
        $"frames {s.Frames} trades {s.Trades} books {s.Books} gaps {s.Gaps} resyncs {s.Resyncs} ok {s.ChecksumOk} failed {s.ChecksumFailed} rejected {string.Join(',', s.RejectedByReason.OrderBy(static r => r.Key).Select(static r => $"{r.Key}={r.Value}"))} types {string.Join(',', s.MessageTypes.OrderBy(static t => t.Key).Select(static t => $"{t.Key}={t.Value}"))}";

    // Decimals by their text, so a scale that differs shows.
    private static string Describe(Trade t) => string.Create(CultureInfo.InvariantCulture, $"{t.Instrument} {t.Timestamp} {t.Price} {t.Size} {t.Side} {t.TradeId}");

    private static string Describe(BookUpdate b) => string.Create(CultureInfo.InvariantCulture,
        $"{b.Instrument} {b.Timestamp} {b.IsSnapshot} bids {Levels(b.Bids)} asks {Levels(b.Asks)} top {b.Top.BestBid}/{b.Top.BestBidSize} {b.Top.BestAsk}/{b.Top.BestAskSize} {b.Top.BidDepth} {b.Top.AskDepth}");

    private static string Levels(IReadOnlyList<PriceLevel> levels) => string.Join(' ', levels.Select(static l => string.Create(CultureInfo.InvariantCulture, $"{l.Price}:{l.Size}")));
}
