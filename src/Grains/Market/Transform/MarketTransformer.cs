using TgeSwarm.Feeds;
using TgeSwarm.Grains.Market.Validation;

namespace TgeSwarm.Grains.Market.Transform;

/// <summary>
/// The transform stage's work on one venue's valid events, besides deduplication (<see cref="TradeDeduplicator"/>,
/// which the grain runs first): finish the normalisation the parsers leave (<see cref="InstrumentNaming"/>), drop
/// events without a usable time, and group what remains by instrument, because the next stage is keyed
/// <c>exchange:instrument</c>.
/// <para>
/// Prices and sizes are decimals and times UTC microseconds from the parsers on, so there is nothing to convert;
/// an event whose time is before 2000 (a missing time, or one in the wrong unit) would corrupt bars and windows
/// downstream, so it is dropped and counted in <see cref="MissingTimestamps"/>. Validation rejects these first; this
/// is the stage's own guarantee, not the main line of defence.
/// </para>
/// <para>
/// Allocation: an event whose instrument is already normal is passed on as the same instance; per-instrument buffers
/// are kept between drains and only cleared, so a drain allocates the arrays it hands out and nothing else.
/// </para>
/// Not thread-safe: one transformer belongs to one transform grain activation.
/// </summary>
internal sealed class MarketTransformer
{
    private readonly InstrumentNaming _naming = new();
    private readonly Dictionary<string, InstrumentBuffer> _buffers = new(StringComparer.Ordinal);
    private readonly List<InstrumentBuffer> _pending = [];
    private string? _lastInstrument;
    private InstrumentBuffer? _lastBuffer;

    /// <summary>Events held since the last <see cref="Drain"/>.</summary>
    public int Pending { get; private set; }

    /// <summary>Events whose instrument name this stage changed.</summary>
    public long Renamed { get; private set; }

    /// <summary>Events dropped because their time is missing or not UTC microseconds.</summary>
    public long MissingTimestamps { get; private set; }

    public void Add(Trade trade)
    {
        ArgumentNullException.ThrowIfNull(trade);
        if (trade.Timestamp < MarketTimestamps.MinPlausible)
        {
            MissingTimestamps++;
            return;
        }

        var normal = Normalize(trade);
        BufferOf(normal.Instrument).Trades.Add(normal);
        Pending++;
    }

    public void Add(BookUpdate book)
    {
        ArgumentNullException.ThrowIfNull(book);
        if (book.Timestamp < MarketTimestamps.MinPlausible)
        {
            MissingTimestamps++;
            return;
        }

        var normal = Normalize(book);
        BufferOf(normal.Instrument).Books.Add(normal);
        Pending++;
    }

    /// <summary>The events added since the last drain, one batch per instrument in order of first arrival; empty when none.</summary>
    public IReadOnlyList<InstrumentBatch> Drain()
    {
        if (_pending.Count == 0)
        {
            return [];
        }

        // A fresh array per drain: the caller publishes asynchronously and may still hold the previous one.
        var batches = new InstrumentBatch[_pending.Count];
        for (var i = 0; i < batches.Length; i++)
        {
            batches[i] = _pending[i].TakeBatch();
        }

        _pending.Clear();
        Pending = 0;
        return batches;
    }

    /// <summary><paramref name="trade"/> in the one naming: the same instance when nothing changes.</summary>
    public Trade Normalize(Trade trade)
    {
        ArgumentNullException.ThrowIfNull(trade);
        var instrument = _naming.Normalize(trade.Instrument);
        if (ReferenceEquals(instrument, trade.Instrument))
        {
            return trade;
        }

        Renamed++;
        return trade with { Instrument = instrument };
    }

    /// <summary><paramref name="book"/> in the one naming: the same instance when nothing changes.</summary>
    public BookUpdate Normalize(BookUpdate book)
    {
        ArgumentNullException.ThrowIfNull(book);
        var instrument = _naming.Normalize(book.Instrument);
        if (ReferenceEquals(instrument, book.Instrument))
        {
            return book;
        }

        Renamed++;
        return book with { Instrument = instrument };
    }

    private InstrumentBuffer BufferOf(string instrument)
    {
        if (!ReferenceEquals(instrument, _lastInstrument))
        {
            if (!_buffers.TryGetValue(instrument, out var found))
            {
                found = new InstrumentBuffer(instrument);
                _buffers.Add(instrument, found);
            }

            _lastInstrument = instrument;
            _lastBuffer = found;
        }

        var buffer = _lastBuffer!;
        if (buffer.IsEmpty)
        {
            _pending.Add(buffer);
        }

        return buffer;
    }
}
