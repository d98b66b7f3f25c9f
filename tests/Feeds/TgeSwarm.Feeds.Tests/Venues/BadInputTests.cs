using TgeSwarm.Feeds.Tests.Support;

namespace TgeSwarm.Feeds.Tests.Venues;

public sealed class BadInputTests
{
    public static TheoryData<Venue> Venues => [Venue.Binance, Venue.Coinbase, Venue.Bybit, Venue.KrakenV1, Venue.KrakenV2, Venue.Okx];

    [Theory]
    [MemberData(nameof(Venues))]
    public void Malformed_truncated_unknown_and_oversized_frames_are_counted_by_reason_and_never_thrown(Venue venue)
    {
        var sink = new CollectingSink();
        var feed = VenueFeeds.Create(venue, sink);

        feed.OnFrame("{\"a\":,}"u8, 0);
        feed.OnFrame("{\"channel\":\"bo"u8, 0);
        feed.OnFrame("""{"stream":"x","channel":"bogus","topic":"bogus.X","arg":{"channel":"bogus","instId":"X"}}"""u8, 0);
        feed.OnFrame(new byte[FeedLimits.MaxFrameBytes + 1], 0);

        var rejected = feed.Statistics.RejectedByReason;
        Assert.Equal(1, rejected[RejectReasons.MalformedJson]);
        Assert.Equal(1, rejected[RejectReasons.Truncated]);
        Assert.Equal(1, rejected[RejectReasons.FrameTooLarge]);
        Assert.Equal(1, rejected[RejectReasons.UnknownType]);
        Assert.Equal(4, feed.Statistics.Rejected);
        Assert.Equal(4, feed.Statistics.Frames);
        Assert.Empty(sink.Trades);
        Assert.Empty(sink.Books);
    }

    [Fact]
    public void A_price_that_is_not_a_number_rejects_the_message_as_bad_number()
    {
        var feed = VenueFeeds.Create(Venue.Okx, new CollectingSink());

        feed.OnFrame("""{"arg":{"channel":"trades","instId":"BTC-USDT"},"data":[{"instId":"BTC-USDT","tradeId":"1","px":"3O236","sz":"1","side":"buy","ts":"1"}]}"""u8, 0);

        Assert.Equal(1, feed.Statistics.RejectedByReason[RejectReasons.BadNumber]);
    }

    [Fact]
    public void Recording_with_a_cut_frame_still_replays_the_rest()
    {
        var lines = Recordings.Lines(Recordings.Okx);
        var index = lines.FindIndex(l => l.Contains("\"recv\"", StringComparison.Ordinal) && l.Contains("trades", StringComparison.Ordinal) && l.Contains("tradeId", StringComparison.Ordinal));
        var line = lines[index];
        var data = line.IndexOf("\"data\":\"", StringComparison.Ordinal) + 8;
        lines[index] = line[..(data + 40)] + "\"}";

        var (_, statistics) = Recordings.ReplayLines(Venue.Okx, lines);

        Assert.Equal(1, statistics.RejectedByReason[RejectReasons.Truncated]);
        Assert.Equal(290, statistics.Books);
    }
}
