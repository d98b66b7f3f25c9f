using TgeSwarm.Runtime;

namespace TgeSwarm.Grains.Interfaces.Market;

/// <summary>
/// An event validation refused, as published on <see cref="MarketStreamNames.Rejected"/>. Plain strings, because this
/// contract does not know the feed model: enough to count by reason and to find the offending record again.
/// </summary>
/// <param name="Venue">Venue name (<c>binance</c>, <c>kraken</c>, …).</param>
/// <param name="Instrument">Normalised instrument, or empty when the record had none.</param>
/// <param name="Kind"><see cref="TradeKind"/> or <see cref="BookKind"/>.</param>
/// <param name="Reason">One of the validation reason codes (<c>non_positive_price</c>, <c>price_anomaly</c>, …).</param>
/// <param name="Detail">What exactly was wrong, for a person reading it (values, limits, z-score).</param>
/// <param name="Timestamp">The rejected event's own time, UTC microseconds (0 when it had none).</param>
[GenerateSerializer]
[Immutable]
public sealed record MarketReject(
    [property: Id(0)] string Venue,
    [property: Id(1)] string Instrument,
    [property: Id(2)] string Kind,
    [property: Id(3)] string Reason,
    [property: Id(4)] string Detail,
    [property: Id(5)] long Timestamp)
{
    public const string TradeKind = "trade";

    public const string BookKind = "book";
}
