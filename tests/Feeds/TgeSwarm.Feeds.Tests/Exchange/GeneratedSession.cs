using TgeSwarm.Feeds.Exchange.Scripts;
using TgeSwarm.Feeds.Tests.Support;

namespace TgeSwarm.Feeds.Tests.Exchange;

/// <summary>
/// Every recorded connection of a venue played through the exchange's frame generator (<see cref="ScriptPlayer"/>,
/// what a connection subscribed exactly as recorded is sent) into a fresh venue feed per connection, for a number of
/// passes, without a socket. REST bodies (Binance's depth snapshots) reach the feeds at their recorded place in the
/// first pass, as they did live.
/// </summary>
internal sealed class GeneratedSession
{
    private GeneratedSession(List<(int Pass, Trade Trade)> trades, List<(int Pass, BookUpdate Book)> books, FeedStatistics firstPass, FeedStatistics statistics)
    {
        Trades = trades;
        Books = books;
        FirstPass = firstPass;
        Statistics = statistics;
    }

    public List<(int Pass, Trade Trade)> Trades { get; }

    public List<(int Pass, BookUpdate Book)> Books { get; }

    /// <summary>Every feed's counters as they stood when the first pass ended (REST bodies recorded after the last frame included).</summary>
    public FeedStatistics FirstPass { get; }

    /// <summary>Every feed's counters after the last pass.</summary>
    public FeedStatistics Statistics { get; }

    public static GeneratedSession Play(PreparedVenue venue, int passes)
    {
        var trades = new List<(int Pass, Trade Trade)>();
        var books = new List<(int Pass, BookUpdate Book)>();
        var feeds = new List<FeedStatistics>();
        var firstPass = new List<FeedStatistics>();
        foreach (var connection in venue.Connections)
        {
            var sink = new PassSink(trades, books);
            var feed = VenueFeeds.Create(venue.Venue, sink, connection.Recorded.Address);
            var player = new ScriptPlayer(new ReplayScript(venue, [connection], connection.Keys), firstPass: 0);
            var http = venue.Recording.Http.Where(h => h.Micros >= connection.Recorded.ConnectMicros).ToList();
            var nextHttp = 0;
            long ordinal = 0;
            foreach (var frame in player.Frames(loop: true).TakeWhile(f => f.Pass < passes))
            {
                if (frame.Pass == 1 && nextHttp >= 0)
                {
                    RestUntil(feed, http, ref nextHttp, long.MaxValue);
                    firstPass.Add(FeedStatistics.Sum([feed.Statistics]));
                    nextHttp = -1;
                }

                sink.Pass = (int)frame.Pass;
                if (frame.Pass == 0)
                {
                    RestUntil(feed, http, ref nextHttp, frame.Step.Frame.Micros);
                }

                feed.OnFrame(player.Render(frame, ordinal++).Span, frame.Step.Frame.Micros);
            }

            if (nextHttp >= 0)
            {
                RestUntil(feed, http, ref nextHttp, long.MaxValue);
                firstPass.Add(FeedStatistics.Sum([feed.Statistics]));
            }

            feeds.Add(feed.Statistics);
        }

        return new GeneratedSession(trades, books, FeedStatistics.Sum(firstPass), FeedStatistics.Sum(feeds));
    }

    /// <summary>REST bodies recorded up to <paramref name="micros"/>, as the first pass reaches them.</summary>
    private static void RestUntil(IVenueFeed feed, List<TgeSwarm.Feeds.Exchange.Recording.RecordedHttp> http, ref int next, long micros)
    {
        for (; next < http.Count && http[next].Micros <= micros; next++)
        {
            feed.OnRestResponse(http[next].Url.ToString(), http[next].Body, http[next].Micros);
        }
    }

    private sealed class PassSink(List<(int Pass, Trade Trade)> trades, List<(int Pass, BookUpdate Book)> books) : IMarketEventSink
    {
        public int Pass { get; set; }

        public void OnTrade(Trade trade) => trades.Add((Pass, trade));

        public void OnBook(BookUpdate book) => books.Add((Pass, book));

        public void OnResyncRequired(string instrument, string reason)
        {
        }
    }
}
