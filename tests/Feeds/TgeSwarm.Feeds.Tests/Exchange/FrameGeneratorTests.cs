using System.Globalization;

namespace TgeSwarm.Feeds.Tests.Exchange;

/// <summary>The exchange's frame generator, without a socket: the first pass is the recording, later passes rebase it so the parsers see one continuous session.</summary>
public sealed class FrameGeneratorTests
{
    public static TheoryData<Venue> Venues => [.. RecordedSessions.Available];

    [Theory]
    [MemberData(nameof(Venues))]
    public void One_pass_parses_exactly_like_the_recording(Venue venue)
    {
        var recorded = SharedRecordings.RecordedStatistics(venue);

        var generated = SharedRecordings.Looped(venue).FirstPass;

        AssertSameStatistics(recorded, generated);
    }

    [Theory]
    [MemberData(nameof(Venues))]
    public void Looping_passes_show_no_gap_no_checksum_failure_and_no_rejection(Venue venue)
    {
        const int Passes = SharedRecordings.GeneratedPasses;
        var single = SharedRecordings.RecordedStatistics(venue);

        var looped = SharedRecordings.Looped(venue).Statistics;

        Assert.Equal(0, looped.Gaps);
        Assert.Equal(0, looped.Resyncs);
        Assert.Equal(0, looped.ChecksumFailed);
        Assert.Equal(0, looped.Rejected);
        Assert.Equal(Passes * single.Trades, looped.Trades);
        Assert.Equal(Passes * single.Books, looped.Books);
        Assert.Equal(Passes * single.ChecksumOk, looped.ChecksumOk);
    }

    [Theory]
    [MemberData(nameof(Venues))]
    public void Each_pass_moves_every_trade_by_the_pass_period_and_above_the_previous_passs_ids(Venue venue)
    {
        const int Passes = SharedRecordings.GeneratedPasses;
        var prepared = SharedRecordings.Get(venue);

        var trades = SharedRecordings.Looped(venue).Trades;

        var first = trades.Where(t => t.Pass == 0).Select(t => t.Trade).ToList();
        Assert.NotEmpty(first);
        for (var pass = 1; pass < Passes; pass++)
        {
            var current = trades.Where(t => t.Pass == pass).Select(t => t.Trade).ToList();
            var previous = trades.Where(t => t.Pass == pass - 1).Select(t => t.Trade).ToList();
            Assert.Equal(first.Count, current.Count);
            for (var i = 0; i < first.Count; i++)
            {
                Assert.Equal(first[i].Timestamp + (pass * prepared.PassPeriodMicros), current[i].Timestamp);
                Assert.Equal((first[i].Instrument, first[i].Price, first[i].Size, first[i].Side), (current[i].Instrument, current[i].Price, current[i].Size, current[i].Side));
            }

            foreach (var instrument in first.Select(t => t.Instrument).Distinct())
            {
                var before = NumericIds(previous, instrument);
                var now = NumericIds(current, instrument);
                if (before.Count > 0)
                {
                    Assert.True(now.Min() > before.Max(), $"{venue} {instrument}: pass {pass} ids start at {now.Min()}, not above pass {pass - 1}'s {before.Max()}");
                }
            }
        }

        var ids = trades.Where(t => t.Trade.TradeId.Length > 0).Select(t => (t.Trade.Instrument, t.Trade.TradeId)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Venues))]
    public void Every_pass_rebuilds_the_same_books_as_the_first(Venue venue)
    {
        const int Passes = SharedRecordings.GeneratedPasses;

        var books = SharedRecordings.Looped(venue).Books;

        // Per instrument: a Binance pass opens with all its book resets at once, where the first pass took the
        // REST snapshots at their recorded times, so only each book's own sequence repeats.
        var first = TopsByInstrument(books, 0);
        Assert.NotEmpty(first);
        for (var pass = 1; pass < Passes; pass++)
        {
            var current = TopsByInstrument(books, pass);
            Assert.Equal(first.Keys.Order(), current.Keys.Order());
            foreach (var (instrument, tops) in first)
            {
                Assert.Equal(tops, current[instrument]);
            }
        }
    }

    private static Dictionary<string, List<BookTop>> TopsByInstrument(List<(int Pass, BookUpdate Book)> books, int pass) =>
        books.Where(b => b.Pass == pass).GroupBy(b => b.Book.Instrument).ToDictionary(g => g.Key, g => g.Select(b => b.Book.Top).ToList());

    internal static void AssertSameStatistics(FeedStatistics expected, FeedStatistics actual)
    {
        Assert.Equal(expected.Frames, actual.Frames);
        Assert.Equal(expected.Trades, actual.Trades);
        Assert.Equal(expected.Books, actual.Books);
        Assert.Equal(expected.Gaps, actual.Gaps);
        Assert.Equal(expected.Resyncs, actual.Resyncs);
        Assert.Equal(expected.ChecksumOk, actual.ChecksumOk);
        Assert.Equal(expected.ChecksumFailed, actual.ChecksumFailed);
        Assert.Equal(expected.RejectedByReason.OrderBy(p => p.Key), actual.RejectedByReason.OrderBy(p => p.Key));
        Assert.Equal(expected.MessageTypes.OrderBy(p => p.Key), actual.MessageTypes.OrderBy(p => p.Key));
    }

    private static List<long> NumericIds(List<Trade> trades, string instrument) =>
        [.. trades.Where(t => t.Instrument == instrument && long.TryParse(t.TradeId, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .Select(t => long.Parse(t.TradeId, CultureInfo.InvariantCulture))];
}
