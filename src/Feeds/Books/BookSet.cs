namespace TgeSwarm.Feeds.Books;

/// <summary>The books of one feed by instrument.</summary>
internal sealed class BookSet
{
    // A feed asks for a book on every update with an instrument string from its SymbolCache, so the very same string
    // instance each time: a scan of the few books by reference finds it without hashing; any other string (or a
    // feed with many books) goes to the dictionary, which decides by value.
    private const int ScannedBooks = 16;

    private readonly Dictionary<string, OrderBook> _books = new(StringComparer.Ordinal);
    private readonly (string Instrument, OrderBook Book)[] _recent = new (string, OrderBook)[ScannedBooks];
    private int _recentCount;

    public OrderBook Get(string instrument)
    {
        foreach (var (known, book) in _recent.AsSpan(0, _recentCount))
        {
            if (ReferenceEquals(known, instrument))
            {
                return book;
            }
        }

        if (!_books.TryGetValue(instrument, out var found))
        {
            found = new OrderBook();
            _books.Add(instrument, found);
        }

        if (_recentCount < ScannedBooks)
        {
            _recent[_recentCount++] = (instrument, found);
        }

        return found;
    }

    public bool TryGet(string instrument, out OrderBook book) => _books.TryGetValue(instrument, out book!);

    public IEnumerable<KeyValuePair<string, OrderBook>> All => _books;
}
