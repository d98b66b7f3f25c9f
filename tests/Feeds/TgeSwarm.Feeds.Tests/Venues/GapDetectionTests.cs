using TgeSwarm.Feeds.Tests.Support;

namespace TgeSwarm.Feeds.Tests.Venues;

/// <summary>The recorded sessions with one book delta removed: every venue must notice and ask for a resync.</summary>
public sealed class GapDetectionTests
{
    [Theory]
    [InlineData(Venue.Binance, "BINANCE.jsonl.gz", "depthUpdate", 20)]
    [InlineData(Venue.Bybit, "BYBIT.jsonl.gz", "\\\"type\\\":\\\"delta\\\"", 20)]
    [InlineData(Venue.Coinbase, "COINBASE.jsonl.gz", "l2_data", 20)]
    public void Removing_one_delta_is_detected_as_a_sequence_gap(Venue venue, string file, string marker, int skip)
    {
        var lines = Recordings.Lines(Recordings.PathOf(file));
        var removed = RemoveNth(lines, marker, skip);

        var (sink, statistics) = Recordings.ReplayLines(venue, lines);

        Assert.True(statistics.Gaps >= 1, $"no gap after removing: {removed[..Math.Min(200, removed.Length)]}");
        Assert.NotEmpty(sink.Resyncs);
        Assert.Equal(statistics.Resyncs, sink.Resyncs.Count);
    }

    [Theory]
    [InlineData(Venue.KrakenV1, "KRAKEN.jsonl.gz", "\\\"c\\\":")]
    [InlineData(Venue.Okx, "OKX.jsonl.gz", "\\\"action\\\":\\\"update\\\"")]
    public void Removing_one_delta_fails_the_next_checksum_on_venues_without_sequence_numbers(Venue venue, string file, string marker)
    {
        var lines = Recordings.Lines(Recordings.PathOf(file));
        RemoveNth(lines, marker, 20);

        var (sink, statistics) = Recordings.ReplayLines(venue, lines);

        Assert.True(statistics.ChecksumFailed >= 1);
        Assert.Contains(sink.Resyncs, r => r.Reason == "checksum mismatch");
    }

    [Fact]
    public void Okx_prevSeqId_that_does_not_follow_the_last_seqId_is_a_gap()
    {
        var sink = new CollectingSink();
        var feed = VenueFeeds.Create(Venue.Okx, sink);
        feed.OnFrame("""{"arg":{"channel":"books","instId":"BTC-USDT"},"action":"snapshot","data":[{"asks":[["101","1","0","1"]],"bids":[["100","1","0","1"]],"ts":"1","checksum":0,"prevSeqId":-1,"seqId":10}]}"""u8, 0);
        feed.OnFrame("""{"arg":{"channel":"books","instId":"BTC-USDT"},"action":"update","data":[{"asks":[],"bids":[],"ts":"2","checksum":0,"prevSeqId":10,"seqId":10}]}"""u8, 0);
        feed.OnFrame("""{"arg":{"channel":"books","instId":"BTC-USDT"},"action":"update","data":[{"asks":[["102","1","0","1"]],"bids":[],"ts":"3","checksum":0,"prevSeqId":10,"seqId":15}]}"""u8, 0);
        feed.OnFrame("""{"arg":{"channel":"books","instId":"BTC-USDT"},"action":"update","data":[{"asks":[],"bids":[["99","1","0","1"]],"ts":"4","checksum":0,"prevSeqId":16,"seqId":18}]}"""u8, 0);
        feed.OnFrame("""{"arg":{"channel":"books","instId":"BTC-USDT"},"action":"update","data":[{"asks":[],"bids":[["98","1","0","1"]],"ts":"5","checksum":0,"prevSeqId":18,"seqId":19}]}"""u8, 0);

        Assert.Equal(1, feed.Statistics.Gaps);
        Assert.Equal(3, sink.Books.Count);
        Assert.Equal(1, feed.Statistics.RejectedByReason[RejectReasons.BookNotSynced]);
    }

    private static string RemoveNth(List<string> lines, string marker, int skip)
    {
        var index = lines.Select((line, i) => (line, i)).Where(x => x.line.Contains("\"recv\"", StringComparison.Ordinal) && x.line.Contains(marker, StringComparison.Ordinal)).Skip(skip).First().i;
        var removed = lines[index];
        lines.RemoveAt(index);
        return removed;
    }
}
