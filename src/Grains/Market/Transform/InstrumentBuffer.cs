using TgeSwarm.Feeds;

namespace TgeSwarm.Grains.Market.Transform;

/// <summary>One instrument's events between two drains of <see cref="MarketTransformer"/>; its lists are reused.</summary>
internal sealed class InstrumentBuffer(string instrument)
{
    public string Instrument { get; } = instrument;

    public List<Trade> Trades { get; } = [];

    public List<BookUpdate> Books { get; } = [];

    public bool IsEmpty => Trades.Count == 0 && Books.Count == 0;

    /// <summary>Copies the events out and clears the lists, keeping their capacity for the next round.</summary>
    public InstrumentBatch TakeBatch()
    {
        var batch = new InstrumentBatch(
            Instrument,
            Trades.Count == 0 ? [] : Trades.ToArray(),
            Books.Count == 0 ? [] : Books.ToArray());
        Trades.Clear();
        Books.Clear();
        return batch;
    }
}
