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
    private GeneratedSession(List<(int Pass, Trade Trade)> trades, List<(int Pass, BookUpdate Book)> books, FeedStatistics statistics, List<FeedStatistics> perConnection)
    {
        Trades = trades;
        Books = books;
        Statistics = statistics;
        PerConnection = perConnection;
    }

    public List<(int Pass, Trade Trade)> Trades { get; }

    public List<(int Pass, BookUpdate Book)> Books { get; }

    public FeedStatistics Statistics { get; }

    public List<FeedStatistics> PerConnection { get; }

    public static GeneratedSession Play(PreparedVenue venue, int passes)
    {
        var trades = new List<(int Pass, Trade Trade)>();
        var books = new List<(int Pass, BookUpdate Book)>();
        var feeds = new List<FeedStatistics>();
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
                sink.Pass = (int)frame.Pass;
                while (frame.Pass == 0 && nextHttp < http.Count && http[nextHttp].Micros <= frame.Step.Frame.Micros)
                {
                    feed.OnRestResponse(http[nextHttp].Url.ToString(), http[nextHttp].Body, http[nextHttp].Micros);
                    nextHttp++;
                }

                feed.OnFrame(player.Render(frame, ordinal++).Span, frame.Step.Frame.Micros);
            }

            for (; nextHttp < http.Count; nextHttp++)
            {
                feed.OnRestResponse(http[nextHttp].Url.ToString(), http[nextHttp].Body, http[nextHttp].Micros);
            }

            feeds.Add(feed.Statistics);
        }

        return new GeneratedSession(trades, books, FeedStatistics.Sum(feeds), feeds);
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
