using TgeSwarm.Feeds;
using TgeSwarm.Feeds.Replay;

namespace TgeSwarm.Grains.Tests.Market.Pipeline;

/// <summary>The trades and book updates of a recorded session, in the order its feeds produced them.</summary>
internal sealed class RecordedEvents : IMarketEventSink
{
    private RecordedEvents()
    {
    }

    public List<Trade> Trades { get; } = [];

    public List<BookUpdate> Books { get; } = [];

    /// <summary>Both kinds interleaved as produced, for batching the way ingestion would.</summary>
    public List<object> InOrder { get; } = [];

    public static RecordedEvents Of(Venue venue)
    {
        var events = new RecordedEvents();
        using var input = RecordedSessions.Open(venue);
        new RecordingReplay(venue, events).Run(input);
        return events;
    }

    public void OnTrade(Trade trade)
    {
        Trades.Add(trade);
        InOrder.Add(trade);
    }

    public void OnBook(BookUpdate book)
    {
        Books.Add(book);
        InOrder.Add(book);
    }

    public void OnResyncRequired(string instrument, string reason)
    {
    }
}
