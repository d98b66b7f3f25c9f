namespace TgeSwarm.Feeds.Books;

/// <summary>The books of one feed by instrument.</summary>
internal sealed class BookSet
{
    private readonly Dictionary<string, OrderBook> _books = new(StringComparer.Ordinal);

    public OrderBook Get(string instrument)
    {
        if (!_books.TryGetValue(instrument, out var book))
        {
            book = new OrderBook();
            _books.Add(instrument, book);
        }

        return book;
    }

    public bool TryGet(string instrument, out OrderBook book) => _books.TryGetValue(instrument, out book!);

    public IEnumerable<KeyValuePair<string, OrderBook>> All => _books;
}
