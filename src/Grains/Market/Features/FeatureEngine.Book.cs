using TgeSwarm.Feeds;

namespace TgeSwarm.Grains.Market.Features;

internal sealed partial class FeatureEngine
{
    private BookTop _top;
    private bool _hasBook;

    /// <summary>Takes the book's top as the feed computed it after this update; the levels themselves are not read.</summary>
    public void OnBook(BookUpdate book)
    {
        ArgumentNullException.ThrowIfNull(book);
        _top = book.Top;
        _hasBook = true;
        if (book.Timestamp > _timestamp)
        {
            _timestamp = book.Timestamp;
        }

        _changed = true;
    }
}
