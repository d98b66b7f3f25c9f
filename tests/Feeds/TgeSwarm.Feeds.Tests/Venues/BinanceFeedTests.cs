using TgeSwarm.Feeds.Tests.Support;

namespace TgeSwarm.Feeds.Tests.Venues;

public sealed class BinanceFeedTests
{
    [Fact]
    public void Recording_yields_its_message_counts()
    {
        var (sink, statistics) = Recordings.Replay(Venue.Binance, Recordings.Binance);

        Assert.Equal(265, statistics.Frames);
        Assert.Equal(177, statistics.MessageTypes["depthUpdate"]);
        Assert.Equal(84, statistics.MessageTypes["bookTicker"]);
        Assert.Equal(2, statistics.MessageTypes["aggTrade"]);
        Assert.Equal(2, statistics.MessageTypes["kline"]);
        Assert.Equal(4, statistics.MessageTypes["depthSnapshot"]);
        Assert.Equal(2, sink.Trades.Count);
        Assert.Equal(176, sink.Books.Count);
        Assert.Equal(0, statistics.Gaps);
    }
}
