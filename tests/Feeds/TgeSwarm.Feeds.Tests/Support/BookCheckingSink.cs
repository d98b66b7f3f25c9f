using TgeSwarm.Feeds.Books;

namespace TgeSwarm.Feeds.Tests.Support;

/// <summary>Rebuilds every book from the emitted events alone and counts the events after which one was crossed.</summary>
internal sealed class BookCheckingSink : IMarketEventSink
{
    private readonly Dictionary<string, OrderBook> _books = new(StringComparer.Ordinal);

    public int Crossed { get; private set; }

    public int DeltasBeforeSnapshot { get; private set; }

    public IReadOnlyDictionary<string, OrderBook> Books => _books;

    public void OnTrade(Trade trade)
    {
    }

    public void OnBook(BookUpdate book)
    {
        if (!_books.TryGetValue(book.Instrument, out var local))
        {
            local = new OrderBook();
            _books.Add(book.Instrument, local);
        }

        if (book.IsSnapshot)
        {
            local.Clear();
        }
        else if (local.Bids.Count == 0 && local.Asks.Count == 0)
        {
            DeltasBeforeSnapshot++;
        }

        local.ApplyAll(book.Bids, book.Asks);
        if (local.IsCrossed)
        {
            Crossed++;
        }
    }

    public void OnResyncRequired(string instrument, string reason)
    {
    }
}
