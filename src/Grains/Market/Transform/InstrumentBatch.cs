using TgeSwarm.Feeds;

namespace TgeSwarm.Grains.Market.Transform;

/// <summary>
/// The normalised, deduplicated events of one instrument since the last drain, in arrival order per kind: what the
/// transform grain publishes on the instrument's <c>market.normalized</c> stream. The arrays are its own.
/// </summary>
internal sealed record InstrumentBatch(string Instrument, Trade[] Trades, BookUpdate[] Books)
{
    public int Count => Trades.Length + Books.Length;
}
