using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Market;

/// <summary>
/// One closed window of one instrument over the closed bars of every venue (definitions in
/// <c>src/Grains/Market/Windows/WINDOWS.md</c>). A window emitted again after a late bar updated it carries a higher
/// <see cref="Revision"/> and replaces the earlier emission with the same <see cref="Kind"/>, <see cref="Name"/> and
/// <see cref="Start"/> (for a session: every earlier emission of that <see cref="Name"/> whose span it overlaps,
/// since a late bar may merge sessions).
/// </summary>
/// <param name="Name">The configured window, e.g. <c>tumbling-60s</c>, <c>sliding-300s-60s</c>, <c>session-30s</c>.</param>
/// <param name="Start">Inclusive start, UTC µs: the aligned start, or a session's first bar's open time.</param>
/// <param name="End">Exclusive end, UTC µs: start + size, or a session's last bar's end.</param>
/// <param name="Revision">0 for the first emission; one more for each re-emission.</param>
/// <param name="BarCount">Bars aggregated (from all venues).</param>
/// <param name="TradeCount">Σ of the bars' trade counts.</param>
/// <param name="First">Open of the earliest bar (ties: the venue first in ordinal order).</param>
/// <param name="Last">Close of the latest bar (ties: the venue first in ordinal order).</param>
/// <param name="High">Highest bar high.</param>
/// <param name="Low">Lowest bar low.</param>
/// <param name="Volume">Σ of the bars' volumes.</param>
/// <param name="QuoteVolume">Σ of the bars' quote volumes.</param>
/// <param name="Venues">The venues whose bars are in the window, in ordinal order.</param>
[GenerateSerializer]
[Immutable]
public sealed record WindowResult(
    [property: Id(0)] string Instrument,
    [property: Id(1)] WindowKind Kind,
    [property: Id(2)] string Name,
    [property: Id(3)] long Start,
    [property: Id(4)] long End,
    [property: Id(5)] int Revision,
    [property: Id(6)] int BarCount,
    [property: Id(7)] long TradeCount,
    [property: Id(8)] decimal First,
    [property: Id(9)] decimal High,
    [property: Id(10)] decimal Low,
    [property: Id(11)] decimal Last,
    [property: Id(12)] decimal Volume,
    [property: Id(13)] decimal QuoteVolume,
    [property: Id(14)] IReadOnlyList<string> Venues)
{
    /// <summary>Σ quote volume / Σ volume over the window's bars (the VWAP of all their trades); <see cref="Last"/> when the volume is zero.</summary>
    public decimal Vwap => Volume > 0 ? QuoteVolume / Volume : Last;
}
