namespace TgeSwarm.Feeds.Tests.Support;

internal sealed class CollectingSink : IMarketEventSink
{
    public List<Trade> Trades { get; } = [];

    public List<BookUpdate> Books { get; } = [];

    public List<(string Instrument, string Reason)> Resyncs { get; } = [];

    public void OnTrade(Trade trade) => Trades.Add(trade);

    public void OnBook(BookUpdate book) => Books.Add(book);

    public void OnResyncRequired(string instrument, string reason) => Resyncs.Add((instrument, reason));
}
